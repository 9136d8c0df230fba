import Foundation

/// Shows that a network step is under way: a spinner on a terminal, one plain line otherwise, nothing with `--quiet`.
final class ProgressIndicator: @unchecked Sendable {
    private let console: Console
    private let message: String
    private let animates: Bool
    private let lock = NSLock()
    private var running = true
    private let finished = DispatchSemaphore(value: 0)

    private init(console: Console, message: String) {
        self.console = console
        self.message = message
        animates = console.terminal.stderrIsTerminal && !console.isQuiet && console.errorStyle.usesColor
    }

    /// Runs `operation` while showing `message`; the spinner line is cleared when it ends.
    static func run<Value>(_ message: String, console: Console, operation: () async throws -> Value) async rethrows
        -> Value
    {
        let indicator = ProgressIndicator(console: console, message: message)
        indicator.start()
        defer { indicator.stop() }
        return try await operation()
    }

    private func start() {
        guard animates else {
            console.progress(message + "…")
            return
        }
        Thread.detachNewThread { [self] in
            let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
            var index = 0
            while lock.withLock({ running }) {
                console.terminal.writeError("\r\(frames[index % frames.count]) \(message)…")
                index += 1
                usleep(80_000)
            }
            finished.signal()
        }
    }

    private func stop() {
        guard animates else { return }
        lock.withLock { running = false }
        finished.wait()
        console.terminal.writeError("\r\u{1B}[2K")
    }
}
