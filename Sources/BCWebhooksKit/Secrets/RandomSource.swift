/// A source of cryptographically secure random bytes.
public protocol RandomSource: Sendable {
    /// Returns `count` random bytes, or throws when the source fails (never a weaker fallback).
    func bytes(count: Int) throws -> [UInt8]
}
