import Foundation

@testable import BCWebhooksKit

/// A terminal that keeps what is written to it and has no input.
final class CapturingTerminal: Terminal, @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""
    private var errors = ""

    /// Never a terminal.
    var stdinIsTerminal: Bool { false }
    /// Never a terminal.
    var stdoutIsTerminal: Bool { false }
    /// Never a terminal.
    var stderrIsTerminal: Bool { false }

    /// Everything written to standard output.
    var outputText: String { lock.withLock { output } }

    /// Everything written to standard error.
    var errorText: String { lock.withLock { errors } }

    /// Keeps standard output text.
    func write(_ text: String) { lock.withLock { output += text } }

    /// Keeps standard error text.
    func writeError(_ text: String) { lock.withLock { errors += text } }

    /// No input.
    func readLine() -> String? { nil }

    /// No input.
    func readHiddenLine() throws -> String? { nil }
}
