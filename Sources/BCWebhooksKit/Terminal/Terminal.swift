/// The process's standard streams as the commands see them: the seam that lets tests script a person.
public protocol Terminal: AnyObject, Sendable {
    /// Whether standard input is a terminal (a person can answer prompts).
    var stdinIsTerminal: Bool { get }
    /// Whether standard output is a terminal.
    var stdoutIsTerminal: Bool { get }
    /// Whether standard error is a terminal.
    var stderrIsTerminal: Bool { get }
    /// Writes `text` to standard output as is.
    func write(_ text: String)
    /// Writes `text` to standard error as is.
    func writeError(_ text: String)
    /// Reads one line from standard input without its line end; `nil` at end of input.
    func readLine() -> String?
    /// Reads one line from standard input without echoing it; `nil` at end of input.
    func readHiddenLine() throws -> String?
}
