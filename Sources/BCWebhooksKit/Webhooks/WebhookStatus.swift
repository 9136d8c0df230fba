/// How a required webhook stands (the `status` of `check --json`).
public enum WebhookStatus: String, Sendable, Codable, Equatable {
    /// Present, active, on the right destination, with the right secret.
    case ok
    /// No hook with this scope on the app's destination.
    case missing
    /// Present but deactivated (`is_active: false`).
    case inactive
    /// Present but carrying another secret (or none).
    case wrongSecret = "wrong_secret"
    /// The scope on the app's own host but another path or scheme.
    case wrongDestination = "wrong_destination"
}
