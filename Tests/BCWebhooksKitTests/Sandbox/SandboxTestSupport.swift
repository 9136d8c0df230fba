import Foundation
import Testing

@testable import BCWebhooksKit

/// Builders and readers shared by the sandbox tests.
enum SandboxTestSupport {
    /// The token the test stores accept.
    static let token = "test-token-123"
    /// The API base the test requests use.
    static let base = "https://api.bigcommerce.com/stores/sandbox1"

    /// A store with the test token and a fixed Unix time, adjusted by `configure`.
    static func store(
        _ configure: (inout SandboxConfiguration) -> Void = { _ in }, clock: SandboxTestClock = SandboxTestClock()
    ) throws -> SandboxStore {
        var configuration = SandboxConfiguration(token: token, clock: clock, unixTime: { 1_700_000_000 })
        configure(&configuration)
        return try SandboxStore(configuration: configuration)
    }

    /// A request as the API client would send it.
    static func request(
        _ method: String, _ path: String, body: String? = nil, token: String? = SandboxTestSupport.token,
        base: String = SandboxTestSupport.base
    ) throws -> HTTPRequest {
        var headers = ["Accept": "application/json"]
        if let token { headers["X-Auth-Token"] = token }
        if body != nil { headers["Content-Type"] = "application/json" }
        let url = try #require(URL(string: base + path))
        return HTTPRequest(method: method, url: url, headers: headers, body: body.map { Data($0.utf8) })
    }

    /// The response body as a JSON object.
    static func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    /// The `data` object of a single-item response.
    static func data(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try json(response)["data"] as? [String: Any])
    }

    /// The `data` array of a list response.
    static func list(_ response: HTTPResponse) throws -> [[String: Any]] {
        try #require(try json(response)["data"] as? [[String: Any]])
    }

    /// The `meta.pagination` object of a list response.
    static func pagination(_ response: HTTPResponse) throws -> [String: Any] {
        let meta = try #require(try json(response)["meta"] as? [String: Any])
        return try #require(meta["pagination"] as? [String: Any])
    }

    /// A create body for one hook.
    static func hookBody(
        scope: String = "store/product/*", destination: String = "https://shop.example.com/bigcommerce/webhook",
        secret: String = "s3cret"
    ) -> String {
        #"{"scope":"\#(scope)","destination":"\#(destination)","is_active":true,"headers":{"x-bigcommerce-webhook-secret":"\#(secret)"}}"#
    }

    /// Creates a hook and returns its id.
    @discardableResult
    static func create(_ store: SandboxStore, scope: String, destination: String = "https://shop.example.com/hook")
        async throws -> Int
    {
        let response = await store.handle(
            try request("POST", "/v3/hooks", body: hookBody(scope: scope, destination: destination)))
        #expect(response.status == 200)
        return try #require(try data(response)["id"] as? Int)
    }
}
