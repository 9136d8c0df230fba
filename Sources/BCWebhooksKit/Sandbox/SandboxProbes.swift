/// The read endpoints `ScopeCatalog` probes: 403 when the scope is not granted, a small plausible answer when it is.
enum SandboxProbes {
    /// BigCommerce's title (v3) or message (v2) for a missing scope.
    static let missingScopeTitle = "You don't have a required scope to access the endpoint"

    /// The scope whose probe endpoint `path` (below `/stores/{hash}`, no query) is, if any.
    static func scope(forPath path: String) -> RequiredScope? {
        ScopeCatalog.all.first { scope in
            let probe = String(scope.probePath.prefix { $0 != "?" })
            guard let marker = probe.range(of: "{uuid}") else { return probe == path }
            let prefix = String(probe[..<marker.lowerBound])
            guard path.hasPrefix(prefix) else { return false }
            let rest = path.dropFirst(prefix.count)
            return !rest.isEmpty && !rest.contains("/")
        }
    }

    /// The response to `method` on the probe endpoint of `scope` at `path`, given the granted OAuth names.
    static func response(method: String, path: String, scope: RequiredScope, granted: Set<String>) -> HTTPResponse {
        let isV2 = path.hasPrefix("/v2/")
        guard method == "GET" else {
            return isV2
                ? SandboxJSON.v2Error(status: 405, message: "Method Not Allowed")
                : SandboxJSON.error(status: 405, title: "Method Not Allowed")
        }
        guard granted.contains(scope.oauthName) else {
            return isV2
                ? SandboxJSON.v2Error(status: 403, message: missingScopeTitle)
                : SandboxJSON.error(status: 403, title: missingScopeTitle, errors: [:])
        }
        if scope.notFoundMeansGranted {
            let noun = path.hasPrefix("/v3/carts/") ? "Cart" : "Checkout"
            return SandboxJSON.error(status: 404, title: "\(noun) not found")
        }
        return SandboxJSON.response(status: 200, body(path: path))
    }

    private static func body(path: String) -> Any {
        switch path {
        case "/v3/content/pages":
            return v3List([["id": 1, "name": "About us", "type": "page", "is_visible": true, "channel_id": 1]])
        case "/v3/catalog/products":
            return v3List([["id": 111, "name": "Sandbox T-shirt", "type": "physical", "sku": "SBX-1", "price": 25]])
        case "/v3/customers":
            return v3List([["id": 1, "email": "jane@example.com", "first_name": "Jane", "last_name": "Doe"]])
        case "/v3/sites":
            return v3List([["id": 1000, "url": "https://sandbox.example.com", "channel_id": 1]])
        case "/v2/store":
            return [
                "id": "sandbox", "domain": "sandbox.example.com", "name": "Sandbox store", "currency": "USD",
                "plan_name": "Sandbox",
            ] as [String: Any]
        case "/v2/coupons":
            return [["id": 1, "name": "Welcome", "code": "WELCOME", "type": "percentage_discount", "enabled": true]]
        case "/v2/order_statuses":
            return [
                ["id": 0, "name": "Incomplete", "order": 0], ["id": 1, "name": "Pending", "order": 1],
                ["id": 11, "name": "Awaiting Fulfillment", "order": 2],
            ]
        default:
            return [["code": "testgateway", "name": "Test Payment Gateway", "test_mode": true]]
        }
    }

    private static func v3List(_ items: [[String: Any]]) -> [String: Any] {
        let pagination: [String: Any] = [
            "total": items.count, "count": items.count, "per_page": 1, "current_page": 1,
            "total_pages": items.count, "links": ["current": "?page=1&limit=1"],
        ]
        return ["data": items, "meta": ["pagination": pagination]]
    }
}
