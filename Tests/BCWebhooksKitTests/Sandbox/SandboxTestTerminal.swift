import Synchronization

@testable import BCWebhooksKit

/// A terminal for tests that records output and reports each write on a stream.
final class SandboxTestTerminal: Terminal {
    private let output = Mutex("")
    /// One element per write, in order.
    let writes: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    /// Creates an empty terminal.
    init() {
        (writes, continuation) = AsyncStream<String>.makeStream()
    }

    /// Never a terminal.
    var stdinIsTerminal: Bool { false }
    /// Never a terminal.
    var stdoutIsTerminal: Bool { false }
    /// Never a terminal.
    var stderrIsTerminal: Bool { false }
    /// Everything written so far.
    var written: String { output.withLock { $0 } }

    /// Records `text` and reports it on `writes`.
    func write(_ text: String) {
        output.withLock { $0 += text }
        continuation.yield(text)
    }

    /// Records `text` like `write`.
    func writeError(_ text: String) { write(text) }
    /// No input.
    func readLine() -> String? { nil }
    /// No input.
    func readHiddenLine() throws -> String? { nil }
}
