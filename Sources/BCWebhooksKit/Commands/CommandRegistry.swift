/// Which commands are built, by name; a command in the table but not here says it is not available yet.
enum CommandRegistry {
    /// The runner of each built command.
    static let runners: [String: any CommandRunner] = [
        "secret": SecretCommand(),
        "completions": CompletionsCommand(),
        "list": ListCommand(),
        "check": CheckCommand(),
        "sync": SyncCommand(),
        "setup": SetupCommand(),
        "ping": PingCommand(),
        "rotate": RotateCommand(),
        "env": EnvCommand(),
        "sandbox": SandboxServeCommand(),
    ]
}
