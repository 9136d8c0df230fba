import Foundation

/// The BigCommerce store API client: webhooks and the reads behind scope probes, with retries, backoff, a shared
/// retry budget, a concurrency gate that respects the rate-limit headers, and `--verbose` logging.
public struct BigCommerceClient: Sendable {
    /// Where the store's API is.
    public let location: StoreLocation
    private let token: String
    private let transport: any HTTPTransport
    private let clock: any Clock
    private let logger: any RequestLogger
    private let policy: RetryPolicy
    private let random: @Sendable () -> Double
    private let gate: RateLimitGate
    private let budget: RetryBudget

    /// Creates a client; one per command, since the retry budget is shared by all its requests.
    /// `maxInFlight` bounds concurrency (12 lets the token check and all ten scope probes go out together);
    /// `random` (0..<1) drives backoff jitter.
    public init(
        location: StoreLocation, token: String, transport: any HTTPTransport, clock: any Clock,
        logger: any RequestLogger = SilentRequestLogger(), policy: RetryPolicy = .standard, maxInFlight: Int = 12,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.location = location
        self.token = token
        self.transport = transport
        self.clock = clock
        self.logger = logger
        self.policy = policy
        self.random = random
        self.gate = RateLimitGate(maxInFlight: maxInFlight, clock: clock)
        self.budget = RetryBudget(total: policy.totalWaitBudget)
    }

    // MARK: Webhooks

    /// Every webhook this API account sees, following every page (pages after the first are fetched together).
    public func listWebhooks() async throws -> [Webhook] {
        let first = try await listPage(1)
        let totalPages = min(first.meta?.pagination?.totalPages ?? 1, 1000)
        guard totalPages > 1, !first.data.isEmpty else { return first.data }
        let pages = try await withThrowingTaskGroup(of: (Int, [Webhook]).self) { group in
            for page in 2...totalPages {
                group.addTask { (page, try await listPage(page).data) }
            }
            var pages: [Int: [Webhook]] = [:]
            for try await (page, hooks) in group { pages[page] = hooks }
            return pages
        }
        return first.data + (2...totalPages).flatMap { pages[$0] ?? [] }
    }

    /// The webhook with this id; `notFound` when it does not exist.
    public func webhook(id: Int) async throws -> Webhook {
        let response = try await exchange("GET", "/v3/hooks/\(id)", expectsJSON: true)
        return try decode(APIEnvelope<Webhook>.self, response, request: "GET /v3/hooks/\(id)").data
    }

    /// Creates a webhook; a 409/422 is `conflict` (list again: it may already exist), a lost response
    /// `outcomeUnknown`.
    public func createWebhook(_ fields: WebhookFields) async throws -> Webhook {
        let body = try encode(fields)
        let response = try await exchange("POST", "/v3/hooks", body: body, secrets: secrets(in: fields))
        return try decode(APIEnvelope<Webhook>.self, response, request: "POST /v3/hooks").data
    }

    /// Updates the given fields of a webhook and returns it as BigCommerce now has it.
    public func updateWebhook(id: Int, fields: WebhookFields) async throws -> Webhook {
        let body = try encode(fields)
        let request = "PUT /v3/hooks/\(id)"
        let response = try await exchange("PUT", "/v3/hooks/\(id)", body: body, secrets: secrets(in: fields))
        return try decode(APIEnvelope<Webhook>.self, response, request: request).data
    }

    /// Deletes a webhook; a 404 after an attempt whose outcome was lost counts as deleted.
    public func deleteWebhook(id: Int) async throws {
        _ = try await exchange("DELETE", "/v3/hooks/\(id)", expectsJSON: false)
    }

    /// A GET of `path` below the API base (e.g. `/v2/store`), retried like any GET; returns any final response,
    /// including 403 and 404, but throws `tokenRejected` on 401 and `unavailable` when retries run out.
    public func get(path: String) async throws -> HTTPResponse {
        try await send("GET", path, body: nil, secrets: [], expectsJSON: true, allowNotFoundAfterRetry: false)
    }

    // MARK: Requests

    private func listPage(_ page: Int) async throws -> APIEnvelope<[Webhook]> {
        let path = "/v3/hooks?page=\(page)"
        let response = try await exchange("GET", path, expectsJSON: true)
        return try decode(APIEnvelope<[Webhook]>.self, response, request: "GET \(path)")
    }

    /// Sends a request and turns any final non-2xx status into a `BigCommerceError`.
    private func exchange(
        _ method: String, _ path: String, body: Data? = nil, secrets: [String] = [], expectsJSON: Bool = true
    ) async throws -> HTTPResponse {
        let response = try await send(
            method, path, body: body, secrets: secrets, expectsJSON: expectsJSON,
            allowNotFoundAfterRetry: method == "DELETE")
        guard !(200...299).contains(response.status) else { return response }
        let request = "\(method) \(Self.withoutQuery(path))"
        let error = APIErrorBody(body: response.body, redacting: [token] + secrets)
        switch response.status {
        case 403:
            throw BigCommerceError.forbidden(request: request, detail: error.title.isEmpty ? nil : error.title)
        case 404:
            throw BigCommerceError.notFound(request: request)
        case 409,
            422 where method == "POST":
            throw BigCommerceError.conflict(status: response.status, title: error.title, fieldErrors: error.fieldErrors)
        default:
            throw BigCommerceError.rejected(
                request: request, status: response.status, title: error.title, fieldErrors: error.fieldErrors)
        }
    }

    /// Sends one request with retries; returns the final response (any status but 401).
    private func send(
        _ method: String, _ path: String, body: Data?, secrets: [String], expectsJSON: Bool,
        allowNotFoundAfterRetry: Bool
    ) async throws -> HTTPResponse {
        let request = try makeRequest(method, path, body: body)
        let described = "\(method) \(Self.withoutQuery(path))"
        var attempt = 0
        var previousFailure: String?
        while true {
            attempt += 1
            try Task.checkCancellation()
            let outcome = try await attemptOnce(request, expectsJSON: expectsJSON)
            if case .response(let response) = outcome {
                if response.status == 401 { throw BigCommerceError.tokenRejected(storeHash: location.storeHash) }
                if response.status == 404, allowNotFoundAfterRetry, previousFailure != nil {
                    return HTTPResponse(status: 204)
                }
            }
            let failure = Self.describe(outcome)
            switch policy.verdict(method: method, outcome: outcome) {
            case .final:
                guard case .response(let response) = outcome else {
                    throw BigCommerceError.unavailable(request: described, reason: failure)
                }
                return response
            case .outcomeUnknown:
                throw BigCommerceError.outcomeUnknown(request: described, reason: failure)
            case .retry(let minimumWait):
                previousFailure = failure
                guard attempt < policy.maxAttempts else {
                    throw BigCommerceError.unavailable(
                        request: described, reason: "\(failure), \(attempt) attempts")
                }
                let backoff = policy.backoff(retry: attempt, random: random())
                let wait = minimumWait > 0 ? max(minimumWait + backoff / 4, backoff) : backoff
                guard await budget.permits(wait: wait, now: clock.now()) else {
                    throw BigCommerceError.unavailable(
                        request: described,
                        reason: "\(failure), still failing after \(attempt) attempts and the retry time limit")
                }
                try await clock.sleep(seconds: wait)
            }
        }
    }

    /// One attempt through the gate, logged.
    private func attemptOnce(_ request: HTTPRequest, expectsJSON: Bool) async throws -> RetryPolicy.Outcome {
        try await gate.acquire()
        let started = clock.now()
        let outcome: RetryPolicy.Outcome
        do {
            let response = try await transport.send(request)
            let parseable =
                !expectsJSON || !(200...299).contains(response.status)
                || response.body.isEmpty && response.status == 204
                || (try? JSONSerialization.jsonObject(with: response.body)) != nil
            outcome = parseable ? .response(response) : .unparseable(response)
            await gate.release(observing: response)
        } catch let error as TransportError {
            outcome = .transportFailure(error)
            await gate.release(observing: nil)
        } catch {
            await gate.release(observing: nil)
            throw error
        }
        let milliseconds = Int(((clock.now() - started) * 1000).rounded())
        let logPath = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
        switch outcome {
        case .response(let response), .unparseable(let response):
            logger.log(
                RequestLogEntry(
                    method: request.method, path: logPath, status: response.status, milliseconds: milliseconds))
        case .transportFailure:
            logger.log(
                RequestLogEntry(
                    method: request.method, path: logPath, status: nil, failure: Self.describe(outcome),
                    milliseconds: milliseconds))
        }
        return outcome
    }

    private func makeRequest(_ method: String, _ path: String, body: Data?) throws -> HTTPRequest {
        guard let url = URL(string: location.apiBase.absoluteString + path) else {
            throw BigCommerceError.unexpectedResponse(request: "\(method) \(path)", reason: "invalid request path")
        }
        var headers = [
            "x-auth-token": token, "accept": "application/json", "user-agent": ToolVersion.userAgent,
        ]
        if body != nil { headers["content-type"] = "application/json" }
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    private func encode(_ fields: WebhookFields) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(fields)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, request: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw BigCommerceError.unexpectedResponse(
                request: Self.withoutQuery(request), reason: "the JSON does not have the expected fields")
        }
    }

    /// Header values sent in a body (the webhook secret), to keep them out of error messages.
    private func secrets(in fields: WebhookFields) -> [String] {
        Array((fields.headers ?? [:]).values)
    }

    private static func withoutQuery(_ path: String) -> String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }

    private static func describe(_ outcome: RetryPolicy.Outcome) -> String {
        switch outcome {
        case .response(let response):
            response.status == 429 ? "rate limited (HTTP 429)" : "HTTP \(response.status)"
        case .unparseable(let response): "unreadable response body (HTTP \(response.status))"
        case .transportFailure(.timedOut): "no response within the deadline"
        case .transportFailure(.connectionFailed(let reason)): reason
        }
    }
}
