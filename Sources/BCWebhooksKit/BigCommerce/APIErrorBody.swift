import Foundation

/// What BigCommerce's error body says: v3's `{"status","title","type","errors":{field: message}}` or v2's
/// `[{"status","message"}]`, read loosely (anything unreadable gives an empty title).
struct APIErrorBody: Sendable, Equatable {
    /// The title (v3) or message (v2).
    var title: String
    /// Field errors, each as one string.
    var fieldErrors: [String: String]

    /// Reads `body`, replacing every occurrence of a secret with `••••`.
    init(body: Data, redacting secrets: [String]) {
        var title = ""
        var fields: [String: String] = [:]
        let json = try? JSONSerialization.jsonObject(with: body)
        let object = (json as? [String: Any]) ?? (json as? [Any])?.first as? [String: Any]
        if let object {
            title = (object["title"] as? String) ?? (object["message"] as? String) ?? ""
            if let detail = object["detail"] as? String, !detail.isEmpty {
                title += title.isEmpty ? detail : " (\(detail))"
            }
            if let errors = object["errors"] as? [String: Any] {
                for (field, value) in errors { fields[field] = Self.text(value) }
            }
        }
        self.title = Self.redact(Self.shorten(title), secrets)
        self.fieldErrors = fields.mapValues { Self.redact(Self.shorten($0), secrets) }
            .reduce(into: [:]) { $0[Self.redact($1.key, secrets)] = $1.value }
    }

    private static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let list = value as? [Any] { return list.map(text).joined(separator: ", ") }
        if let object = value as? [String: Any] {
            return object.sorted { $0.key < $1.key }.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ")
        }
        return String(describing: value)
    }

    private static func shorten(_ text: String) -> String {
        text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    private static func redact(_ text: String, _ secrets: [String]) -> String {
        secrets.filter { $0.count >= 4 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "••••") }
    }
}
