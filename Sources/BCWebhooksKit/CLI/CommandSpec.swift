/// One command of the tool as the parser, help and completions see it.
public struct CommandSpec: Sendable, Equatable {
    /// A positional argument of a command.
    public struct Positional: Sendable, Equatable {
        /// The placeholder shown in usage, e.g. `NAME`.
        public let name: String
        /// Whether the command fails without it.
        public let isRequired: Bool
        /// The values it accepts, when it is a closed set.
        public let allowedValues: [String]?
    }

    /// The command's name, e.g. `secret`.
    public let name: String
    /// One line saying what it does.
    public let summary: String
    /// A longer description shown by `help COMMAND`.
    public let details: String
    /// Its positional arguments, in order.
    public let positionals: [Positional]
    /// The options it takes on top of the global ones.
    public let options: [OptionSpec]
    /// Example command lines.
    public let examples: [String]

    /// Every option this command accepts: its own, then the global ones.
    public var allOptions: [OptionSpec] { options + CommandTable.globalOptions }

    /// The option with this long name, if the command accepts it.
    public func option(named name: String) -> OptionSpec? {
        allOptions.first { $0.name == name }
    }

    /// The option with this short name, if the command accepts it.
    public func option(short: Character) -> OptionSpec? {
        allOptions.first { $0.short == short }
    }
}
