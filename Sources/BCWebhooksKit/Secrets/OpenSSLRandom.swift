import COpenSSL

/// Random bytes from OpenSSL's CSPRNG (`RAND_bytes`).
public struct OpenSSLRandom: RandomSource {
    /// Why OpenSSL could not supply random bytes.
    public struct Failure: UserFacingError {
        /// What happened.
        public var message: String { "OpenSSL's random generator failed (RAND_bytes returned an error)" }
        /// What to do.
        public var hint: String { "check the system's entropy source and OpenSSL install; no weaker source is used" }
        /// A bug-class failure of the environment.
        public var exitCode: ExitCode { .failure }
    }

    /// Creates the OpenSSL-backed source.
    public init() {}

    /// Returns `count` bytes from `RAND_bytes`; throws `Failure` if OpenSSL reports an error.
    public func bytes(count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let status = buffer.withUnsafeMutableBufferPointer { pointer in
            bcw_rand_bytes(pointer.baseAddress, Int32(count))
        }
        guard status == 1 else { throw Failure() }
        return buffer
    }
}
