/// The `--verbose` logger: one line per HTTP attempt on the terminal's standard error.
public struct TerminalRequestLogger: RequestLogger {
    /// Where lines are written (standard error).
    public let terminal: any Terminal

    /// Creates a logger writing to `terminal`'s standard error.
    public init(terminal: any Terminal) {
        self.terminal = terminal
    }

    /// Writes the entry's line to standard error.
    public func log(_ entry: RequestLogEntry) {
        terminal.writeError(entry.line + "\n")
    }
}
