/// The tool's entry point below `main.swift`: parses the arguments and runs the command.
public enum Application {
    /// Runs the tool with `arguments` (without the program name) and returns the exit code.
    public static func run(arguments: [String], context: CommandContext) async -> ExitCode {
        context.terminal.writeError("error: not available yet\n")
        return .failure
    }
}
