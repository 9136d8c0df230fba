import Foundation

/// Builds the simulated store's JSON responses in BigCommerce's shapes.
enum SandboxJSON {
    /// The `type` BigCommerce puts in its error bodies.
    static let errorType = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes"

    /// Serialises a JSON object or array (sorted keys, unescaped slashes).
    static func data(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }

    /// A JSON response with `status` and `object` as its body.
    static func response(status: Int, _ object: Any, headers: [String: String] = [:]) -> HTTPResponse {
        var all = headers
        all["content-type"] = "application/json"
        return HTTPResponse(status: status, headers: all, body: data(object))
    }

    /// A v3 error response: `{"status":…,"title":…,"type":…}`, with `errors` when given.
    static func error(
        status: Int, title: String, errors: [String: String]? = nil, headers: [String: String] = [:]
    ) -> HTTPResponse {
        var object: [String: Any] = ["status": status, "title": title, "type": errorType]
        if let errors { object["errors"] = errors }
        return response(status: status, object, headers: headers)
    }

    /// A v2 error response: `[{"status":…,"message":…}]`.
    static func v2Error(status: Int, message: String) -> HTTPResponse {
        response(status: status, [["status": status, "message": message]])
    }

    /// A hook as the API returns it; `headers` is `null` when there are none.
    static func hook(_ hook: Webhook, storeHash: String, clientID: String) -> [String: Any] {
        var object: [String: Any] = [
            "id": hook.id,
            "client_id": hook.clientID ?? clientID,
            "store_hash": hook.storeHash ?? storeHash,
            "scope": hook.scope,
            "destination": hook.destination,
            "is_active": hook.isActive,
            "created_at": hook.createdAt ?? 0,
            "updated_at": hook.updatedAt ?? hook.createdAt ?? 0,
        ]
        if let headers = hook.headers {
            object["headers"] = headers
        } else {
            object["headers"] = NSNull()
        }
        return object
    }
}
