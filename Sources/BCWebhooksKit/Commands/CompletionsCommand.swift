/// `completions SHELL`: prints the completion script for bash, zsh or fish.
struct CompletionsCommand: CommandRunner {
    /// Runs `completions`; the parser has already checked the shell name.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let shell = invocation.positionals.first ?? ""
        guard let script = CompletionScript.script(for: shell) else {
            throw ArgumentParser.UsageError(
                message: "no completions for '\(shell)'",
                hint: "use one of: \(CompletionScript.shells.joined(separator: ", "))")
        }
        context.terminal.write(script)
        return .success
    }
}
