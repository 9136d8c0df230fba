import Foundation

@testable import BCWebhooksKit

/// A transport double: records every request and answers from a script (a closure of the request and how many
/// requests to the same path, query aside, came before it).
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    /// What the script returns for one request.
    typealias Answer = Result<HTTPResponse, TransportError>

    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private var countsByPath: [String: Int] = [:]
    private let script: @Sendable (HTTPRequest, Int) -> Answer

    /// Creates a transport answering with `script(request, earlierRequestsToThisPath)`.
    init(script: @escaping @Sendable (HTTPRequest, Int) -> Answer) {
        self.script = script
    }

    /// Every request sent, in order.
    var requests: [HTTPRequest] { lock.withLock { recorded } }

    /// The paths (with query) of every request sent, in order.
    var paths: [String] {
        requests.map { $0.url.path + ($0.url.query.map { "?\($0)" } ?? "") }
    }

    /// Records the request and answers from the script.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer: Answer = lock.withLock {
            recorded.append(request)
            let key = request.url.path
            let earlier = countsByPath[key, default: 0]
            countsByPath[key] = earlier + 1
            return script(request, earlier)
        }
        return try answer.get()
    }
}

/// Builders for scripted responses.
enum Reply {
    /// A JSON response with `status` and `body`.
    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> ScriptedTransport.Answer {
        .success(
            HTTPResponse(
                status: status, headers: headers.merging(["content-type": "application/json"]) { $1 },
                body: Data(body.utf8)))
    }

    /// A page of the hooks list.
    static func hooksPage(_ ids: [Int], page: Int = 1, of pages: Int = 1) -> ScriptedTransport.Answer {
        let hooks = ids.map { hookJSON(id: $0) }.joined(separator: ",")
        return json(
            200,
            "{\"data\":[\(hooks)],\"meta\":{\"pagination\":{\"total\":\(ids.count),\"count\":\(ids.count),"
                + "\"per_page\":50,\"current_page\":\(page),\"total_pages\":\(pages)}}}")
    }

    /// One hook's JSON.
    static func hookJSON(id: Int, scope: String = "store/product/*") -> String {
        "{\"id\":\(id),\"client_id\":\"cid\",\"store_hash\":\"abc123\",\"scope\":\"\(scope)\","
            + "\"destination\":\"https://shop.example.com/bigcommerce/webhook\",\"headers\":null,"
            + "\"is_active\":true,\"created_at\":1,\"updated_at\":2}"
    }

    /// A single hook wrapped in `data`.
    static func hook(id: Int, scope: String = "store/product/*") -> ScriptedTransport.Answer {
        json(200, "{\"data\":\(hookJSON(id: id, scope: scope)),\"meta\":{}}")
    }
}
