import Foundation

/// A realistic webhook delivery as BigCommerce sends it, for `ping`: the JSON body, the secret header,
/// and, when the client secret is known, the Standard Webhooks signature headers.
struct SampleDelivery: Sendable {
    /// The JSON body.
    let body: Data
    /// The headers to send, names lowercased.
    let headers: [String: String]

    /// Builds a delivery for `scope` (e.g. `store/product/*`, sent as its `updated` event) carrying `secret`
    /// in the manifest's header; signs it with `clientSecret` when given. `now` is Unix seconds.
    init(
        scope: String, storeHash: String, secret: String, clientSecret: String?, manifest: WebhookManifest,
        now: Int, messageID: String
    ) {
        let noun = scope.split(separator: "/").dropFirst().first.map(String.init) ?? "product"
        let data: String
        switch noun {
        case "sku": data = #"{"type":"sku","id":512,"sku":{"product_id":205,"variant_id":398}}"#
        case "category": data = #"{"type":"category","id":23}"#
        default: data = #"{"type":"\#(noun)","id":205}"#
        }
        let hash = Digest.sha1Hex(Array(data.utf8))
        let text = """
            {"scope":"store/\(noun)/updated","store_id":"1025646","data":\(data),"hash":"\(hash)",\
            "created_at":\(now),"producer":"stores/\(storeHash)"}
            """
        body = Data(text.utf8)
        var headers = ["content-type": "application/json", manifest.secretHeader.lowercased(): secret]
        if let clientSecret {
            headers["webhook-id"] = messageID
            headers["webhook-timestamp"] = String(now)
            headers["webhook-signature"] = Self.signature(
                id: messageID, timestamp: now, body: body, clientSecret: clientSecret)
        }
        self.headers = headers
    }

    /// The Standard Webhooks signature `v1,<base64 HMAC-SHA256>` over `"<id>.<timestamp>.<body>"`, keyed with
    /// the UTF-8 bytes of the API account's client secret (API.md).
    static func signature(id: String, timestamp: Int, body: Data, clientSecret: String) -> String {
        let signed = Array("\(id).\(timestamp).".utf8) + Array(body)
        let mac = Digest.hmacSHA256(key: Array(clientSecret.utf8), message: signed)
        return "v1," + Data(mac).base64EncodedString()
    }
}
