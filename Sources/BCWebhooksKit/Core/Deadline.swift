/// Runs an operation with a time limit measured on the injected clock.
enum Deadline {
    /// Returns what `operation` returns, or throws `TransportError.timedOut` after `seconds`.
    static func run<Value: Sendable>(
        seconds: Double, clock: any Clock, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await clock.sleep(seconds: seconds)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TransportError.timedOut }
            return value
        }
    }
}
