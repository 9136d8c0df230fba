import Foundation

/// Time as the tool sees it: a monotonic reading and a way to wait, so retry tests need no real sleeping.
public protocol Clock: Sendable {
    /// Seconds on a monotonic clock, from an arbitrary origin.
    func now() -> Double
    /// Waits `seconds`; throws `CancellationError` when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// The real clock.
public struct SystemClock: Clock {
    /// Creates the real clock.
    public init() {}

    /// Seconds since an arbitrary origin, from the system's monotonic clock.
    public func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    /// Sleeps for real.
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
