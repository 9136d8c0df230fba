import Foundation

/// The tool's entry point below `main.swift`: parses the arguments, runs the command, maps errors to exit codes.
public enum Application {
    /// Runs the tool with `arguments` (without the program name) and returns the exit code.
    public static func run(arguments: [String], context: CommandContext) async -> ExitCode {
        let terminal = context.terminal
        let invocation: Invocation
        do {
            invocation = try ArgumentParser.parse(arguments, isTerminal: terminal.stdinIsTerminal)
        } catch {
            let console = Console(
                terminal: terminal, invocation: Invocation(action: .help(nil)), environment: context.environment)
            console.error(error)
            return error.exitCode
        }
        let console = Console(terminal: terminal, invocation: invocation, environment: context.environment)
        switch invocation.action {
        case .version:
            terminal.write("bc-webhooks \(ToolVersion.current)\n")
            return .success
        case .help(nil):
            terminal.write(HelpText.overview(style: console.style))
            return .success
        case .help(let name?):
            guard let command = CommandTable.command(named: name) else { return .usage }
            terminal.write(HelpText.page(for: command, style: console.style))
            return .success
        case .helpForMissingCommand:
            terminal.writeError(HelpText.overview(style: console.errorStyle))
            console.error(
                CommandFailure(
                    .usage, "no command given and no terminal to run the setup wizard on",
                    hint: "name a command, e.g. 'bc-webhooks setup --no-input --yes'"))
            return .usage
        case .run(let name):
            return await run(name, invocation: invocation, context: context, console: console)
        }
    }

    private static func run(_ name: String, invocation: Invocation, context: CommandContext, console: Console) async
        -> ExitCode
    {
        guard let runner = CommandRegistry.runners[name] else {
            console.error(
                CommandFailure(
                    .failure, "'\(name)' is not available yet in bc-webhooks \(ToolVersion.current)",
                    hint: "run 'bc-webhooks help' to see what is"))
            return .failure
        }
        do {
            return try await runner.run(invocation, context: context, console: console)
        } catch let error as any UserFacingError {
            console.error(error)
            return error.exitCode
        } catch is CancellationError {
            return .interrupted
        } catch {
            console.error(
                CommandFailure(
                    .failure, "unexpected failure in '\(name)' (\(type(of: error)))",
                    hint: "this is a bug: please report it with the command you ran and its --verbose output"))
            return .failure
        }
    }
}
