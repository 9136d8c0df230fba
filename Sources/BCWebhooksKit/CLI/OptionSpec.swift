/// One command-line option: its names, whether it takes a value, and its help line.
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes, e.g. `env-file`.
    public let name: String
    /// The one-letter short name, if any, e.g. `y` for `-y`.
    public let short: Character?
    /// The placeholder for the option's value (e.g. `PATH`), or `nil` for a flag.
    public let valueName: String?
    /// The values the option accepts, when it is a closed set (used by validation and completions).
    public let allowedValues: [String]?
    /// One line of help.
    public let help: String

    /// Creates an option.
    public init(_ name: String, short: Character? = nil, value: String? = nil, allowed: [String]? = nil, help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.allowedValues = allowed
        self.help = help
    }

    /// Whether the option takes a value.
    public var takesValue: Bool { valueName != nil }

    /// How the option is shown in help, e.g. `-y, --yes` or `--env-file PATH`.
    public var displayName: String {
        let long = valueName.map { "--\(name) \($0)" } ?? "--\(name)"
        return short.map { "-\($0), \(long)" } ?? long
    }
}
