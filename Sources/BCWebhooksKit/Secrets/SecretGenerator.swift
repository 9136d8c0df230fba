/// Makes new secrets: random bytes from a `RandomSource`, spelled out in a `SecretFormat`.
public struct SecretGenerator: Sendable {
    /// The allowed range of `--bytes`.
    public static let byteRange = 16...1024
    /// The default length, as in `openssl rand -hex 25`.
    public static let defaultByteCount = 25

    private let random: any RandomSource

    /// Creates a generator over `random`.
    public init(random: any RandomSource) {
        self.random = random
    }

    /// A new secret of `byteCount` random bytes in `format`.
    public func make(byteCount: Int = SecretGenerator.defaultByteCount, format: SecretFormat = .hex) throws -> String {
        format.encode(try random.bytes(count: byteCount))
    }
}
