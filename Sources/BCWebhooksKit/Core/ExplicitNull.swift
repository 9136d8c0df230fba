/// An optional that JSON encodes as `null` when absent (synthesised `Encodable` would leave the key out),
/// for the `--json` shapes of CLI.md that show `"id":null`.
struct ExplicitNull<Wrapped: Encodable & Sendable>: Encodable, Sendable {
    /// The value, or `nil` for JSON `null`.
    let value: Wrapped?

    /// Wraps `value`.
    init(_ value: Wrapped?) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value {
            try container.encode(value)
        } else {
            try container.encodeNil()
        }
    }
}
