/// What a scope probe found.
public enum ScopeStatus: Sendable, Equatable {
    /// The probe succeeded (2xx, or 404 on a made-up id): the token has the scope.
    case granted
    /// The probe got 403: the scope is not granted.
    case missing
    /// The probe could not tell (another status, or no answer after retries); the reason says what happened.
    case unknown(String)
}
