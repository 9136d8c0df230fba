/// What the app answered to one sample delivery.
struct PingOutcome: Encodable, Sendable {
    /// The HTTP status, or `nil` when no answer came.
    let status: Int?
    /// Whether the app acknowledged it (2xx), as BigCommerce would count it.
    var accepted: Bool { status.map { (200..<300).contains($0) } ?? false }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(accepted, forKey: .accepted)
    }

    enum CodingKeys: String, CodingKey { case status, accepted }
}
