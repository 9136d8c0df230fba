/// BigCommerce's v3 response shape: `{"data": …, "meta": {…}}`.
struct APIEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    /// The payload.
    var data: Payload
    /// Pagination and totals, when present.
    var meta: APIMeta?
}
