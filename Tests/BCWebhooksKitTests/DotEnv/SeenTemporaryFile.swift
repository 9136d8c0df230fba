import Foundation

/// What the test hook saw, shared with the `@Sendable` hook.
final class SeenTemporaryFile: @unchecked Sendable {
    private let lock = NSLock()
    private var storedPath: String?
    private var storedBytes: [UInt8] = []

    /// The temporary path the hook was given.
    var path: String? { lock.withLock { storedPath } }
    /// The temporary file's bytes at hook time.
    var bytes: [UInt8] { lock.withLock { storedBytes } }

    /// Records what the hook saw.
    func record(_ path: String, bytes: [UInt8]) {
        lock.withLock {
            storedPath = path
            storedBytes = bytes
        }
    }
}
