import Synchronization

/// A random source for tests that returns a fixed sequence, cycling.
final class SandboxScriptedRandom: Sendable {
    private let state: Mutex<(values: [Double], index: Int)>

    /// Creates a source cycling through `values`.
    init(_ values: [Double]) { state = Mutex((values, 0)) }

    /// The next value of the sequence.
    func next() -> Double {
        state.withLock { state in
            let value = state.values[state.index % state.values.count]
            state.index += 1
            return value
        }
    }
}
