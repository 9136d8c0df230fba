import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct BigCommerceClientTests {
    /// The token the tests send; it must never show up in logs or errors.
    static let token = "tokSECRET0123456789abcdefghij"

    private static func client(
        _ transport: ScriptedTransport, clock: FakeClock = FakeClock(), logger: RecordingLogger = RecordingLogger()
    ) throws -> BigCommerceClient {
        BigCommerceClient(
            location: try StoreLocation.parse("abc123"), token: token, transport: transport, clock: clock,
            logger: logger, random: { 0.5 })
    }

    // MARK: Requests as sent

    @Test func sendsHeadersAndBuildsURLsWithoutTrailingSlash() async throws {
        let transport = ScriptedTransport { _, _ in Reply.hook(id: 7) }
        let client = try Self.client(transport)
        _ = try await client.createWebhook(
            WebhookFields(scope: "store/sku/*", destination: "https://x.example/bigcommerce/webhook", isActive: true))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://api.bigcommerce.com/stores/abc123/v3/hooks")
        #expect(request.headers["x-auth-token"] == Self.token)
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["user-agent"] == "bc-webhooks/\(ToolVersion.current)")
        let body = try JSONSerialization.jsonObject(with: try #require(request.body)) as? [String: Any]
        #expect(body?["scope"] as? String == "store/sku/*")
        #expect(body?["is_active"] as? Bool == true)
        #expect(body?["headers"] == nil)
    }

    @Test func getHasNoContentType() async throws {
        let transport = ScriptedTransport { _, _ in Reply.hook(id: 3) }
        let hook = try await Self.client(transport).webhook(id: 3)
        #expect(hook.id == 3)
        #expect(transport.requests.first?.headers["content-type"] == nil)
        #expect(transport.paths == ["/stores/abc123/v3/hooks/3"])
    }

    @Test func updateAndDeleteUseTheirMethods() async throws {
        let transport = ScriptedTransport { _, _ in Reply.hook(id: 4) }
        let client = try Self.client(transport)
        let updated = try await client.updateWebhook(id: 4, fields: WebhookFields(isActive: true))
        try await client.deleteWebhook(id: 4)
        #expect(updated.id == 4)
        #expect(transport.requests.map(\.method) == ["PUT", "DELETE"])
        #expect(transport.requests.first?.body == Data("{\"is_active\":true}".utf8))
    }

    // MARK: Pagination

    @Test func listFollowsEveryPage() async throws {
        let transport = ScriptedTransport { request, _ in
            switch request.url.query {
            case "page=1": Reply.hooksPage([1, 2], page: 1, of: 3)
            case "page=2": Reply.hooksPage([3, 4], page: 2, of: 3)
            case "page=3": Reply.hooksPage([5], page: 3, of: 3)
            default: Reply.json(404, "{}")
            }
        }
        let hooks = try await Self.client(transport).listWebhooks()
        #expect(hooks.map(\.id) == [1, 2, 3, 4, 5])
        #expect(Set(transport.paths) == Set((1...3).map { "/stores/abc123/v3/hooks?page=\($0)" }))
    }

    @Test func listWithoutMetaIsOnePage() async throws {
        let transport = ScriptedTransport { _, _ in Reply.json(200, "{\"data\":[\(Reply.hookJSON(id: 9))]}") }
        #expect(try await Self.client(transport).listWebhooks().map(\.id) == [9])
        #expect(transport.requests.count == 1)
    }

    // MARK: Retries

    @Test func rateLimitedWaitsAtLeastTheReset() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, earlier in
            earlier == 0
                ? Reply.json(429, "{}", headers: ["X-Rate-Limit-Time-Reset-Ms": "4200", "X-Retry-After": "2"])
                : Reply.hooksPage([1])
        }
        let hooks = try await Self.client(transport, clock: clock).listWebhooks()
        #expect(hooks.count == 1)
        #expect(transport.requests.count == 2)
        let slept = clock.sleeps.reduce(0, +)
        #expect(slept >= 4.2)
        #expect(slept < 6)
    }

    @Test func retryAfterWinsWhenLonger() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, earlier in
            earlier == 0
                ? Reply.json(429, "{}", headers: ["X-Rate-Limit-Time-Reset-Ms": "1000", "X-Retry-After": "3"])
                : Reply.hooksPage([1])
        }
        _ = try await Self.client(transport, clock: clock).listWebhooks()
        #expect(clock.sleeps.reduce(0, +) >= 3)
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsOnGetAreRetried(status: Int) async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, earlier in
            earlier < 2 ? Reply.json(status, "{\"status\":\(status),\"title\":\"oops\"}") : Reply.hooksPage([1, 2])
        }
        let hooks = try await Self.client(transport, clock: clock).listWebhooks()
        #expect(hooks.count == 2)
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps.count == 2)
        #expect(clock.sleeps[1] > clock.sleeps[0])
    }

    @Test func droppedConnectionOnGetIsRetried() async throws {
        let transport = ScriptedTransport { _, earlier in
            earlier == 0 ? .failure(.connectionFailed("connection lost")) : Reply.hook(id: 1)
        }
        #expect(try await Self.client(transport).webhook(id: 1).id == 1)
        #expect(transport.requests.count == 2)
    }

    @Test func garbageBodyOnGetIsRetried() async throws {
        let transport = ScriptedTransport { _, earlier in
            earlier == 0 ? .success(HTTPResponse(status: 200, body: Data("<html>oops".utf8))) : Reply.hooksPage([1])
        }
        #expect(try await Self.client(transport).listWebhooks().count == 1)
        #expect(transport.requests.count == 2)
    }

    @Test(arguments: [
        ScriptedTransport.Answer.failure(.connectionFailed("connection lost")),
        .failure(.timedOut),
        .success(HTTPResponse(status: 502)),
        .success(HTTPResponse(status: 200, body: Data("{\"data\":".utf8))),
    ])
    func ambiguousFailureOnPostIsOutcomeUnknownAndNotRepeated(answer: ScriptedTransport.Answer) async throws {
        let transport = ScriptedTransport { _, _ in answer }
        await #expect {
            _ = try await Self.client(transport).createWebhook(WebhookFields(scope: "store/sku/*"))
        } throws: { error in
            guard let error = error as? BigCommerceError, case .outcomeUnknown(let request, _) = error else {
                return false
            }
            return request == "POST /v3/hooks" && error.exitCode == .unavailable
        }
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: [429, 503])
    func postIsRetriedWhenBigCommerceSaysItDidNotProcessIt(status: Int) async throws {
        let transport = ScriptedTransport { _, earlier in
            earlier == 0 ? Reply.json(status, "{}") : Reply.hook(id: 5)
        }
        #expect(try await Self.client(transport).createWebhook(WebhookFields(scope: "s")).id == 5)
        #expect(transport.requests.count == 2)
    }

    @Test func deleteWhose404FollowsALostResponseCountsAsDone() async throws {
        let transport = ScriptedTransport { _, earlier in
            earlier == 0 ? .failure(.connectionFailed("connection lost")) : Reply.json(404, "{}")
        }
        try await Self.client(transport).deleteWebhook(id: 8)
        #expect(transport.requests.count == 2)
    }

    @Test func retryBudgetExhaustedIs69SayingWhatFailed() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, _ in Reply.json(503, "{}") }
        let policy = RetryPolicy(maxAttempts: 100, baseDelay: 0.5, maxDelay: 8, totalWaitBudget: 30)
        let client = BigCommerceClient(
            location: try StoreLocation.parse("abc123"), token: Self.token, transport: transport, clock: clock,
            policy: policy, random: { 0.5 })
        await #expect {
            _ = try await client.listWebhooks()
        } throws: { error in
            guard let error = error as? BigCommerceError, case .unavailable(let request, let reason) = error else {
                return false
            }
            return error.exitCode == .unavailable && request == "GET /v3/hooks" && reason.contains("503")
        }
        #expect(clock.sleeps.reduce(0, +) <= 30)
        #expect(clock.sleeps.reduce(0, +) > 15)
    }

    @Test func rateLimitAskingForMoreThanTheBudgetGivesUpAtOnce() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, _ in Reply.json(429, "{}", headers: ["X-Retry-After": "120"]) }
        await #expect(throws: BigCommerceError.self) {
            _ = try await Self.client(transport, clock: clock).listWebhooks()
        }
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
    }

    @Test func slowAttemptsCountAgainstTheRetryBudget() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, _ in
            clock.advance(15)
            return .failure(.timedOut)
        }
        await #expect(throws: BigCommerceError.self) {
            _ = try await Self.client(transport, clock: clock).listWebhooks()
        }
        // First timeout at 15 s opens a 30 s budget; attempts 2 and 3 end at ~30.5 s and ~46.5 s: no 4th attempt.
        #expect(transport.requests.count == 3)
    }

    @Test func maxAttemptsBoundsRetries() async throws {
        let transport = ScriptedTransport { _, _ in .failure(.timedOut) }
        await #expect(throws: BigCommerceError.self) { _ = try await Self.client(transport).webhook(id: 1) }
        #expect(transport.requests.count == RetryPolicy.standard.maxAttempts)
    }

    // MARK: Errors

    @Test func unauthorizedIsNeverRetriedAndIs77() async throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, _ in
            Reply.json(401, "{\"status\":401,\"title\":\"Unauthorized\"}", headers: ["WWW-Authenticate": "Basic"])
        }
        await #expect(throws: BigCommerceError.tokenRejected(storeHash: "abc123")) {
            _ = try await Self.client(transport, clock: clock).listWebhooks()
        }
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
        #expect(BigCommerceError.tokenRejected(storeHash: "abc123").exitCode == .permissionDenied)
        #expect(BigCommerceError.tokenRejected(storeHash: "abc123").message == "token rejected for store abc123")
    }

    @Test(arguments: [403, 404, 422])
    func finalClientErrorsAreNotRetried(status: Int) async throws {
        let transport = ScriptedTransport { _, _ in Reply.json(status, "{\"status\":\(status),\"title\":\"no\"}") }
        await #expect(throws: BigCommerceError.self) {
            _ = try await Self.client(transport).updateWebhook(id: 1, fields: WebhookFields(isActive: true))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func notFoundAndForbiddenMapToTheirCases() async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.path.hasSuffix("/1")
                ? Reply.json(404, "{}")
                : Reply.json(
                    403, "{\"status\":403,\"title\":\"You don't have a required scope to access the endpoint\"}")
        }
        let client = try Self.client(transport)
        await #expect(throws: BigCommerceError.notFound(request: "GET /v3/hooks/1")) {
            _ = try await client.webhook(id: 1)
        }
        await #expect(
            throws: BigCommerceError.forbidden(
                request: "GET /v3/hooks/2", detail: "You don't have a required scope to access the endpoint")
        ) { _ = try await client.webhook(id: 2) }
    }

    @Test(arguments: [409, 422])
    func duplicateCreateIsConflictWithFieldErrors(status: Int) async throws {
        let secret = "whsecret0123456789"
        let transport = ScriptedTransport { _, _ in
            Reply.json(
                status,
                "{\"status\":\(status),\"title\":\"Webhook already exists\",\"type\":\"x\","
                    + "\"errors\":{\"destination\":\"duplicate\",\"headers\":\"bad value \(secret)\"}}")
        }
        await #expect {
            _ = try await Self.client(transport).createWebhook(
                WebhookFields(scope: "s", headers: ["x-bigcommerce-webhook-secret": secret]))
        } throws: { error in
            guard let error = error as? BigCommerceError,
                case .conflict(let got, let title, let fields) = error
            else { return false }
            return got == status && title == "Webhook already exists" && fields["destination"] == "duplicate"
                && !error.renderedLine.contains(secret) && error.renderedLine.contains("destination: duplicate")
                && error.exitCode == .dataError
        }
    }

    @Test func validationErrorOnUpdateShowsFieldErrors() async throws {
        let transport = ScriptedTransport { _, _ in
            Reply.json(422, "{\"status\":422,\"title\":\"Invalid\",\"errors\":{\"destination\":[\"must be https\"]}}")
        }
        await #expect {
            _ = try await Self.client(transport).updateWebhook(id: 2, fields: WebhookFields(destination: "http://x"))
        } throws: { error in
            guard let error = error as? BigCommerceError else { return false }
            return error
                == .rejected(
                    request: "PUT /v3/hooks/2", status: 422, title: "Invalid",
                    fieldErrors: ["destination": "must be https"])
                && error.exitCode == .dataError
        }
    }

    @Test func validJSONOfTheWrongShapeIsUnexpected() async throws {
        let transport = ScriptedTransport { _, _ in Reply.json(200, "{\"data\":{\"nope\":1}}") }
        await #expect {
            _ = try await Self.client(transport).webhook(id: 1)
        } throws: { error in
            guard let error = error as? BigCommerceError, case .unexpectedResponse = error else { return false }
            return true
        }
        #expect(transport.requests.count == 1)
    }

    // MARK: Verbose log

    @Test func verboseLogHasMethodPathStatusAndNeverTheToken() async throws {
        let logger = RecordingLogger()
        let clock = FakeClock()
        let transport = ScriptedTransport { _, earlier in
            clock.advance(0.123)
            return earlier == 0 ? .failure(.connectionFailed("connection refused")) : Reply.hooksPage([1])
        }
        _ = try await Self.client(transport, clock: clock, logger: logger).listWebhooks()
        let lines = logger.entries.map(\.line)
        #expect(lines.count == 2)
        #expect(lines[0] == "GET /stores/abc123/v3/hooks?page=1 → failed: connection refused (123 ms)")
        #expect(lines[1] == "GET /stores/abc123/v3/hooks?page=1 → 200 (123 ms)")
        #expect(lines.allSatisfy { !$0.contains(Self.token) })
    }

    @Test func terminalLoggerWritesToStandardError() {
        let terminal = CapturingTerminal()
        TerminalRequestLogger(terminal: terminal).log(
            RequestLogEntry(method: "PUT", path: "/stores/a/v3/hooks/1", status: 200, milliseconds: 5))
        #expect(terminal.errorText == "PUT /stores/a/v3/hooks/1 → 200 (5 ms)\n")
        #expect(terminal.outputText.isEmpty)
    }
}
