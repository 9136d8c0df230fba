/// Everything a command may touch in the world, injected so tests can replace each piece.
public struct CommandContext: Sendable {
    /// The process environment variables.
    public var environment: [String: String]
    /// The folder relative paths are resolved against.
    public var workingDirectory: String
    /// Standard streams and prompts.
    public var terminal: any Terminal
    /// The network, for BigCommerce and the app.
    public var transport: any HTTPTransport
    /// Time and waiting.
    public var clock: any Clock
    /// Random bytes for secrets.
    public var random: any RandomSource

    /// Creates a context from its parts.
    public init(
        environment: [String: String],
        workingDirectory: String,
        terminal: any Terminal,
        transport: any HTTPTransport,
        clock: any Clock,
        random: any RandomSource
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.terminal = terminal
        self.transport = transport
        self.clock = clock
        self.random = random
    }
}
