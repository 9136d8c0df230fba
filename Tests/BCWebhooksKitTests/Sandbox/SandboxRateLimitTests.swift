import Foundation
import Testing

@testable import BCWebhooksKit

/// Quota headers, 429 and latency on the injected clock.
@Suite struct SandboxRateLimitTests {
    private typealias S = SandboxTestSupport

    @Test func everyResponseCarriesTheQuotaHeaders() async throws {
        let clock = SandboxTestClock()
        let store = try S.store({ $0.quota = 5 }, clock: clock)
        let first = await store.handle(try S.request("GET", "/v3/hooks"))
        #expect(first.header("X-Rate-Limit-Requests-Left") == "4")
        #expect(first.header("X-Rate-Limit-Requests-Quota") == "5")
        #expect(first.header("X-Rate-Limit-Time-Window-Ms") == "30000")
        #expect(first.header("X-Rate-Limit-Time-Reset-Ms") == "30000")
        clock.advance(10)
        let second = await store.handle(try S.request("GET", "/v3/catalog/products?limit=1"))
        #expect(second.header("X-Rate-Limit-Requests-Left") == "3")
        #expect(second.header("X-Rate-Limit-Time-Reset-Ms") == "20000")
    }

    @Test func exhaustedQuotaIs429UntilTheWindowResets() async throws {
        let clock = SandboxTestClock()
        let store = try S.store({ $0.quota = 3 }, clock: clock)
        for _ in 0..<3 {
            #expect(await store.handle(try S.request("GET", "/v3/hooks")).status == 200)
        }
        clock.advance(5)
        let limited = await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody()))
        #expect(limited.status == 429)
        #expect(limited.header("X-Rate-Limit-Requests-Left") == "0")
        #expect(limited.header("X-Rate-Limit-Time-Reset-Ms") == "25000")
        #expect(limited.header("X-Rate-Limit-Requests-Quota") == "3")
        #expect(try S.json(limited)["status"] as? Int == 429)
        #expect(store.state.hooks.isEmpty)
        clock.advance(25)
        let after = await store.handle(try S.request("GET", "/v3/hooks"))
        #expect(after.status == 200)
        #expect(after.header("X-Rate-Limit-Requests-Left") == "2")
    }

    @Test func latencyWaitsOnTheInjectedClock() async throws {
        let clock = SandboxTestClock()
        let store = try S.store({ $0.latencyMs = 250 }, clock: clock)
        _ = await store.handle(try S.request("GET", "/v3/hooks"))
        _ = await store.handle(try S.request("GET", "/v3/hooks"))
        #expect(clock.sleeps == [0.25, 0.25])
    }
}
