import Synchronization

@testable import BCWebhooksKit

/// A terminal for tests that records output and reports each write on a stream.
final class SandboxTestTerminal: Terminal {
    private let output = Mutex("")
    let writes: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init() {
        (writes, continuation) = AsyncStream<String>.makeStream()
    }

    var stdinIsTerminal: Bool { false }
    var stdoutIsTerminal: Bool { false }
    var stderrIsTerminal: Bool { false }
    var written: String { output.withLock { $0 } }

    func write(_ text: String) {
        output.withLock { $0 += text }
        continuation.yield(text)
    }

    func writeError(_ text: String) { write(text) }
    func readLine() -> String? { nil }
    func readHiddenLine() throws -> String? { nil }
}
