import Foundation

/// Runs blocking work (processes, `fork`, socket reads, polling) on a dedicated thread.
///
/// Swift Testing runs tests on the cooperative thread pool, which is as wide as the machine has cores. A test that
/// blocks one of those threads starves every task that needs the pool, including the in-process servers other tests
/// talk to, so blocking work must never run there.
enum OffPool {
    /// Runs `body` on a new thread and resumes with its result, leaving the cooperative pool free meanwhile.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    /// Runs non-throwing `body` on a new thread and resumes with its result.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: body())
            }
        }
    }
}
