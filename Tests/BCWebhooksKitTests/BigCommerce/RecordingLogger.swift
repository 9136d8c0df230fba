import Foundation

@testable import BCWebhooksKit

/// A request logger that keeps every entry.
final class RecordingLogger: RequestLogger, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [RequestLogEntry] = []

    /// Every entry logged.
    var entries: [RequestLogEntry] { lock.withLock { recorded } }

    /// Keeps the entry.
    func log(_ entry: RequestLogEntry) {
        lock.withLock { recorded.append(entry) }
    }
}
