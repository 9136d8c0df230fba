import Foundation

@testable import BCWebhooksKit

/// A terminal that keeps what is written to it and has no input.
final class CapturingTerminal: Terminal, @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""
    private var errors = ""

    var stdinIsTerminal: Bool { false }
    var stdoutIsTerminal: Bool { false }
    var stderrIsTerminal: Bool { false }

    /// Everything written to standard output.
    var outputText: String { lock.withLock { output } }

    /// Everything written to standard error.
    var errorText: String { lock.withLock { errors } }

    func write(_ text: String) { lock.withLock { output += text } }

    func writeError(_ text: String) { lock.withLock { errors += text } }

    func readLine() -> String? { nil }

    func readHiddenLine() throws -> String? { nil }
}
