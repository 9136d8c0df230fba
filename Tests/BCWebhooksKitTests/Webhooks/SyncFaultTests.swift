import Foundation
import Testing

@testable import BCWebhooksKit

/// The plan applier against the simulated store with faults injected: whatever fails, the store ends with
/// exactly the required hooks — never a duplicate.
@Suite struct SyncFaultTests {
    let desired: DesiredWebhooks

    init() throws {
        desired = DesiredWebhooks(app: try AppURL(destinationBase: "https://shop.example.com"), secret: "s3cret-value")
    }

    /// A deterministic random sequence (a small linear congruential generator), so each seed replays exactly.
    final class SeededRandom: @unchecked Sendable {
        private let lock = NSLock()
        private var state: UInt64
        init(seed: UInt64) { state = seed &* 6_364_136_223_846_793_005 &+ 1 }
        func next() -> Double {
            lock.withLock {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(state >> 11) / Double(1 << 53)
            }
        }
    }

    func makeStore(failRate: Double, lostRate: Double, quota: Int, seed: UInt64, clock: FakeClock) throws
        -> SandboxStore
    {
        let random = SeededRandom(seed: seed)
        return try SandboxStore(
            configuration: SandboxConfiguration(
                token: "t", failRate: failRate, lostResponseRate: lostRate, quota: quota, windowMs: 1_000, clock: clock,
                randomUnit: { random.next() }))
    }

    func client(_ store: SandboxStore, clock: FakeClock, seed: UInt64) throws -> BigCommerceClient {
        let random = SeededRandom(seed: seed ^ 0xABCD)
        return BigCommerceClient(
            location: try StoreLocation.parse("http://127.0.0.1/stores/sandbox1/v3/"), token: "t",
            transport: SandboxTransport(store: store), clock: clock, random: { random.next() })
    }

    /// Converges like `sync` run repeatedly until it reports success (at most 5 runs), then checks the store.
    func converge(_ store: SandboxStore, _ client: BigCommerceClient) async throws -> [Webhook] {
        for _ in 0..<5 {
            guard let hooks = try? await client.listWebhooks() else { continue }
            let plan = WebhookPlan(match: WebhookMatch(hooks: hooks, desired: desired), desired: desired, prune: false)
            let outcomes = await PlanApplier(client: client, desired: desired, prune: false).apply(plan)
            if outcomes.allSatisfy(\.succeeded) { break }
        }
        return store.state.hooks
    }

    func expectExactlyTheRequiredHooks(_ hooks: [Webhook]) {
        let keys = hooks.map { "\($0.scope) \($0.destination)" }
        #expect(Set(keys).count == keys.count, "duplicate hooks: \(keys)")
        #expect(hooks.count == 3, "\(keys)")
        #expect(WebhookMatch(hooks: hooks, desired: desired).isHealthy)
    }

    @Test(arguments: 1...12)
    func randomFailuresAndLostResponsesNeverDuplicate(seed: Int) async throws {
        let clock = FakeClock()
        let store = try makeStore(failRate: 0.3, lostRate: 0.3, quota: 150, seed: UInt64(seed), clock: clock)
        let hooks = try await converge(store, try client(store, clock: clock, seed: UInt64(seed)))
        expectExactlyTheRequiredHooks(hooks)
    }

    @Test func lostCreateResponsesAreSettledByListingAgain() async throws {
        let clock = FakeClock()
        let store = try makeStore(failRate: 0, lostRate: 0, quota: 150, seed: 1, clock: clock)
        try store.loseNextWrites(3)
        let client = try client(store, clock: clock, seed: 1)
        let plan = WebhookPlan(match: WebhookMatch(hooks: [], desired: desired), desired: desired, prune: false)
        let outcomes = await PlanApplier(client: client, desired: desired, prune: false).apply(plan)
        #expect(outcomes.count == 3)
        #expect(outcomes.allSatisfy { $0.succeeded })
        expectExactlyTheRequiredHooks(store.state.hooks)
        let creates = store.requestLog.filter { $0.method == "POST" }
        #expect(creates.count == 3, "a lost create must not be sent again: \(creates.count) POSTs")
    }

    @Test func duplicateErrorOnCreateIsTreatedAsAlreadyThere() async throws {
        let clock = FakeClock()
        let store = try makeStore(failRate: 0, lostRate: 0, quota: 150, seed: 1, clock: clock)
        let client = try client(store, clock: clock, seed: 1)
        // The plan was made from a stale listing: the product hook exists by now, so its create gets 409.
        _ = try await client.createWebhook(
            WebhookFields(
                scope: "store/product/*", destination: desired.destination, isActive: true,
                headers: desired.headers(keepingOthersOf: nil)))
        let stalePlan = WebhookPlan(match: WebhookMatch(hooks: [], desired: desired), desired: desired, prune: false)
        let outcomes = await PlanApplier(client: client, desired: desired, prune: false).apply(stalePlan)
        #expect(outcomes.allSatisfy { $0.succeeded })
        expectExactlyTheRequiredHooks(store.state.hooks)
    }

    @Test func tinyQuotaIsWaitedOutBeforeBigCommerceSays429() async throws {
        let clock = FakeClock()
        let store = try makeStore(failRate: 0, lostRate: 0, quota: 2, seed: 1, clock: clock)
        let hooks = try await converge(store, try client(store, clock: clock, seed: 1))
        expectExactlyTheRequiredHooks(hooks)
        #expect(!clock.sleeps.isEmpty, "a quota of 2 requests must make the client wait for the window to reset")
    }

    @Test func stormOf429sIsRetriedNotFailed() async throws {
        let clock = FakeClock()
        let store = try makeStore(failRate: 0, lostRate: 0, quota: 150, seed: 1, clock: clock)
        try store.failNext(Array(repeating: 429, count: 8))
        let hooks = try await converge(store, try client(store, clock: clock, seed: 1))
        expectExactlyTheRequiredHooks(hooks)
        #expect(store.requestLog.filter { $0.status == 429 }.count == 8)
    }

    /// Passes requests to the store, but fails every listing with an error that is not user-facing.
    struct ListingFails: HTTPTransport {
        struct Odd: Error {}
        let store: SandboxStore
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            if request.method == "GET" { throw Odd() }
            return try await SandboxTransport(store: store).send(request)
        }
    }

    @Test func unsettledWriteStaysFailedWhenTheListingFailsOddly() async throws {
        let clock = FakeClock()
        let store = try makeStore(failRate: 0, lostRate: 0, quota: 150, seed: 1, clock: clock)
        try store.loseNextWrites(1)
        let client = BigCommerceClient(
            location: try StoreLocation.parse("http://127.0.0.1/stores/sandbox1/v3/"), token: "t",
            transport: ListingFails(store: store), clock: clock)
        let plan = WebhookPlan(match: WebhookMatch(hooks: [], desired: desired), desired: desired, prune: false)
        let outcomes = await PlanApplier(client: client, desired: desired, prune: false).apply(plan)
        #expect(outcomes.count == 3)
        #expect(outcomes.filter { !$0.succeeded }.count == 1, "the lost create cannot be confirmed")
    }
}
