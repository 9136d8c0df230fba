import Foundation
import Testing

@testable import BCWebhooksKit

/// Injected failures and lost responses.
@Suite struct SandboxFaultTests {
    private typealias S = SandboxTestSupport

    @Test func failRateFailsBeforeApplyingAndIsDeterministicWithScriptedRandom() async throws {
        // Draws: 0.1 < 0.5 → fail, pick 0.9 → 503; 0.7 ≥ 0.5 → success; 0.2 → fail, pick 0.0 → 500.
        let random = SandboxScriptedRandom([0.1, 0.9, 0.7, 0.2, 0.0])
        let store = try S.store {
            $0.failRate = 0.5
            $0.randomUnit = { random.next() }
        }
        let first = await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody()))
        #expect(first.status == 503)
        #expect(store.state.hooks.isEmpty)
        let second = await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody()))
        #expect(second.status == 200)
        let third = await store.handle(try S.request("GET", "/v3/hooks"))
        #expect(third.status == 500)
        #expect(third.header("X-Rate-Limit-Requests-Left") != nil)
        #expect(store.requestLog.map(\.applied) == [false, true, false])
    }

    @Test func lostWriteIsAppliedButItsResponseIsLost() async throws {
        let store = try S.store()
        try store.loseNextWrites(1)
        let transport = SandboxTransport(store: store)
        await #expect(throws: TransportError.self) {
            _ = try await transport.send(try S.request("POST", "/v3/hooks", body: S.hookBody()))
        }
        #expect(store.state.hooks.count == 1)
        #expect(store.requestLog.last?.status == nil)
        #expect(store.requestLog.last?.applied == true)
        // The retry of the same create is a duplicate: the client must list instead.
        let retry = try await transport.send(try S.request("POST", "/v3/hooks", body: S.hookBody()))
        #expect(retry.status == 409)
        #expect(store.state.hooks.count == 1)
        #expect(store.state.faults == nil)
    }

    @Test func lostResponseRateOnlyLosesAppliedWrites() async throws {
        let store = try S.store {
            $0.lostResponseRate = 1
            $0.randomUnit = { 0 }
        }
        #expect(await store.process(try S.request("GET", "/v3/hooks")) != .lost)
        #expect(await store.process(try S.request("POST", "/v3/hooks", body: "{}")) != .lost)
        #expect(await store.process(try S.request("POST", "/v3/hooks", body: S.hookBody())) == .lost)
        #expect(await store.handle(try S.request("GET", "/v3/hooks/1")).status == 200)
        let handled = await store.handle(try S.request("DELETE", "/v3/hooks/1"))
        #expect(handled.status == 504)
        #expect(store.state.hooks.isEmpty)
    }

    @Test func queuedFailuresAreConsumedInOrder() async throws {
        let store = try S.store()
        try store.failNext([502, 429])
        #expect(await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody())).status == 502)
        #expect(await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody())).status == 429)
        #expect(store.state.hooks.isEmpty)
        #expect(await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody())).status == 200)
    }

    @Test func transportPassesResponsesThrough() async throws {
        let store = try S.store()
        let transport = SandboxTransport(store: store)
        let response = try await transport.send(try S.request("GET", "/v3/hooks"))
        #expect(response.status == 200)
    }
}
