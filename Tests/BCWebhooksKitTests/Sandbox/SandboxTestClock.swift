import Synchronization

@testable import BCWebhooksKit

/// A clock for tests: `sleep` advances time instantly and is recorded.
final class SandboxTestClock: Clock {
    private let state = Mutex((now: 1000.0, sleeps: [Double]()))

    /// The current fake time.
    func now() -> Double { state.withLock { $0.now } }

    /// Advances the fake time instead of waiting.
    func sleep(seconds: Double) async throws {
        state.withLock { state in
            state.now += seconds
            state.sleeps.append(seconds)
        }
    }

    /// Moves time forward.
    func advance(_ seconds: Double) { state.withLock { $0.now += seconds } }

    /// Every sleep so far.
    var sleeps: [Double] { state.withLock { $0.sleeps } }
}
