import Foundation

@testable import BCWebhooksKit

/// A clock that never sleeps: each sleep is recorded and moves `now` forward at once.
final class FakeClock: BCWebhooksKit.Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double = 1000
    private var recorded: [Double] = []

    /// Every sleep asked for, in order.
    var sleeps: [Double] { lock.withLock { recorded } }

    /// The fake time.
    func now() -> Double { lock.withLock { current } }

    /// Records the sleep and moves time forward without waiting.
    func sleep(seconds: Double) async throws {
        lock.withLock {
            recorded.append(seconds)
            current += max(0, seconds)
        }
        await Task.yield()
        try Task.checkCancellation()
    }

    /// Moves time forward without a sleep (e.g. a slow response).
    func advance(_ seconds: Double) {
        lock.withLock { current += seconds }
    }
}
