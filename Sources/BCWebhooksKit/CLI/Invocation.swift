/// What the command line asks for, once parsed: a pure value with no I/O.
public struct Invocation: Sendable, Equatable {
    /// What to do.
    public enum Action: Sendable, Equatable {
        /// Run the named command.
        case run(String)
        /// Print help for the tool (`nil`) or for a command, then exit 0.
        case help(String?)
        /// Print the version, then exit 0.
        case version
        /// No command and no terminal: print the tool's help on stderr, then exit 64.
        case helpForMissingCommand
    }

    /// What to do.
    public var action: Action
    /// Positional arguments after the command name.
    public var positionals: [String] = []
    /// Values of the options that take one, by long name (the last one given wins).
    public var values: [String: String] = [:]
    /// Flags given, by long name.
    public var flags: Set<String> = []

    /// Creates an invocation.
    public init(action: Action, positionals: [String] = [], values: [String: String] = [:], flags: Set<String> = []) {
        self.action = action
        self.positionals = positionals
        self.values = values
        self.flags = flags
    }

    /// Whether the flag with this long name was given.
    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The value of the option with this long name, if given.
    public func value(_ option: String) -> String? { values[option] }

    /// The whole-number value of `option`, `nil` when not given; a value outside `range` is a usage error (exit 64).
    public func integer(_ option: String, in range: ClosedRange<Int>) throws(ArgumentParser.UsageError) -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw ArgumentParser.UsageError(
                message:
                    "--\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                hint: "run the command with --help to see what --\(option) does")
        }
        return number
    }
}
