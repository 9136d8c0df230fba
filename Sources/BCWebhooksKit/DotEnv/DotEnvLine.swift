/// One line of an env file as written (a multi-line quoted value makes one `DotEnvLine` of several lines).
struct DotEnvLine: Sendable, Equatable {
    /// The exact text, line ending included, rendered back unchanged unless the value is replaced.
    var text: String
    /// The key it assigns, or nil for blank lines, comments and lines python-dotenv rejects.
    var key: String?
    /// The decoded value, or nil when the key has no `=` (python-dotenv reads it as None).
    var value: String?
    /// Everything before the value (indent, `export `, key, `=` and the spaces after it), kept on replace.
    var head: String
    /// Everything after the value (spaces, inline comment, line ending), kept on replace.
    var tail: String
    /// How many line breaks the text holds (0 or 1, more for a multi-line quoted value).
    var lineBreakCount: Int
    /// The line break that ends the text: "\n", "\r\n", "\r", or "" at the end of a file without one.
    var lineEnding: String

    /// A line that assigns nothing: blank, comment, or unreadable.
    static func inert(_ text: String, lineBreakCount: Int, lineEnding: String) -> DotEnvLine {
        DotEnvLine(
            text: text, key: nil, value: nil, head: "", tail: "", lineBreakCount: lineBreakCount,
            lineEnding: lineEnding)
    }
}
