/// A command's behaviour: given the parsed command line, the world and a console, it returns the exit code.
protocol CommandRunner: Sendable {
    /// Runs the command; a `UserFacingError` thrown here is printed and mapped to its exit code.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode
}
