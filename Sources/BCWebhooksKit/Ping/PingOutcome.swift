/// What the app answered to one sample delivery.
struct PingOutcome: Encodable, Sendable {
    /// The HTTP status.
    let status: Int
    /// Whether the app acknowledged it (2xx), as BigCommerce would count it.
    let accepted: Bool

    /// The outcome of an answer with `status`.
    init(status: Int) {
        self.status = status
        accepted = (200..<300).contains(status)
    }
}
