import Foundation
import Testing

@testable import BCWebhooksKit

@Suite(.timeLimit(.minutes(1))) struct ScopeProberTests {
    private static let uuid = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F") ?? UUID()

    private static func prober(
        _ transport: any HTTPTransport, clock: FakeClock = FakeClock(), maxInFlight: Int = 12
    ) throws -> ScopeProber {
        let client = BigCommerceClient(
            location: try StoreLocation.parse("abc123"), token: "tok", transport: transport, clock: clock,
            maxInFlight: maxInFlight, random: { 0.5 })
        return ScopeProber(client: client, makeUUID: { uuid })
    }

    /// A store where `forbidden` probe paths answer 403 and everything else behaves like a fully granted token.
    private static func store(forbidden: Set<String> = [], overrides: [String: ScriptedTransport.Answer] = [:])
        -> ScriptedTransport
    {
        ScriptedTransport { request, _ in
            let path = String(request.url.path.dropFirst("/stores/abc123".count))
            if let answer = overrides[path] { return answer }
            if forbidden.contains(path) { return Reply.json(403, "{\"status\":403,\"title\":\"missing scope\"}") }
            if path == "/v3/hooks" { return Reply.hooksPage([11, 12]) }
            if path.hasPrefix("/v3/carts/") || path.hasPrefix("/v3/checkouts/") { return Reply.json(404, "{}") }
            return Reply.json(200, "{\"data\":[]}")
        }
    }

    @Test func everythingGrantedListsHooksAndProbesEachScopeOnce() async throws {
        let transport = Self.store()
        let report = try await Self.prober(transport).probe()
        #expect(report.hooks.map(\.id) == [11, 12])
        #expect(report.scopes.map(\.scope) == ScopeCatalog.all)
        #expect(report.scopes.allSatisfy { $0.status == .granted })
        #expect(report.missing.isEmpty && report.missingScopesError == nil)
        let expected =
            ScopeCatalog.all.map {
                "/stores/abc123"
                    + $0.probePath.replacingOccurrences(of: "{uuid}", with: "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
            } + ["/stores/abc123/v3/hooks?page=1"]
        #expect(Set(transport.paths) == Set(expected))
        #expect(transport.paths.count == expected.count)
    }

    @Test func forbiddenProbeIsMissingAndNamesTheControlPanelScope() async throws {
        let report = try await Self.prober(
            Self.store(forbidden: ["/v3/catalog/products", "/v3/carts/e621e1f8-c36c-495a-93fc-0c247a3e6e5f"])
        ).probe()
        #expect(report.missing.map(\.controlPanelName) == ["Products", "Carts"])
        let products = try #require(report.scopes.first { $0.scope.controlPanelName == "Products" })
        #expect(products.status == .missing)
        #expect(products.advice.contains("\"Products\""))
        let error = try #require(report.missingScopesError)
        #expect(error.exitCode == .permissionDenied)
        #expect(error.message.contains("Products (store_v2_products_read_only)"))
        #expect(error.hint.contains("Products, Carts"))
    }

    @Test func unreliableProbeMissingIsOnlyDoubtful() async throws {
        let report = try await Self.prober(Self.store(forbidden: ["/v2/payments/methods"])).probe()
        #expect(report.missing.isEmpty)
        #expect(report.doubtful.map(\.oauthName) == ["store_payments_methods_read"])
    }

    @Test func notFoundOnAListProbeAndPersistentFailureAreUnknown() async throws {
        let transport = Self.store(overrides: [
            "/v3/sites": Reply.json(404, "{}"),
            "/v2/store": .failure(.connectionFailed("connection lost")),
        ])
        let report = try await Self.prober(transport).probe()
        #expect(report.unknown.map(\.scope.controlPanelName) == ["Information & settings", "Sites & routes"])
        #expect(report.missing.isEmpty)
        #expect(report.hooks.count == 2)
    }

    @Test func rejectedTokenStopsTheRound() async throws {
        let transport = Self.store(overrides: ["/v3/hooks": Reply.json(401, "{}")])
        await #expect(throws: BigCommerceError.tokenRejected(storeHash: "abc123")) {
            _ = try await Self.prober(transport).probe()
        }
    }

    @Test func hooksAndAllProbesAreInFlightTogether() async throws {
        let transport = BarrierTransport(expected: ScopeCatalog.all.count + 1)
        let report = try await Self.prober(transport).probe()
        #expect(report.scopes.count == ScopeCatalog.all.count)
        #expect(await transport.maxInFlight == ScopeCatalog.all.count + 1)
    }
}

/// Holds every request until `expected` are in flight at once, then answers them all: proves one round trip.
private actor BarrierTransport: HTTPTransport {
    /// How many requests must be in flight before any is answered.
    let expected: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private(set) var maxInFlight = 0
    private var inFlight = 0

    /// Creates a barrier for `expected` requests.
    init(expected: Int) {
        self.expected = expected
    }

    /// Waits for the barrier, then answers.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        if inFlight >= expected {
            waiting.forEach { $0.resume() }
            waiting = []
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        inFlight -= 1
        if request.url.path.hasSuffix("/v3/hooks") { return try Reply.hooksPage([1]).get() }
        return HTTPResponse(status: 200, body: Data("{}".utf8))
    }
}
