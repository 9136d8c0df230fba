/// Whether and how to colour text: colour only on a terminal, never with `--no-color`, `NO_COLOR` or `TERM=dumb`.
public struct OutputStyle: Sendable, Equatable {
    /// Whether ANSI colours are written.
    public let usesColor: Bool

    /// Decides from the flag, the environment and whether the stream is a terminal.
    public init(noColorFlag: Bool, environment: [String: String], isTerminal: Bool) {
        usesColor = !noColorFlag && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb" && isTerminal
    }

    /// A style that never colours.
    public static let plain = OutputStyle(noColorFlag: true, environment: [:], isTerminal: false)

    /// Green, for success.
    public func green(_ text: String) -> String { paint(text, "32") }
    /// Red, for failure.
    public func red(_ text: String) -> String { paint(text, "31") }
    /// Yellow, for warnings.
    public func yellow(_ text: String) -> String { paint(text, "33") }
    /// Bold, for headings.
    public func bold(_ text: String) -> String { paint(text, "1") }
    /// Dim, for secondary details.
    public func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
