import Foundation
import Testing

@testable import BCWebhooksKit

@Suite(.timeLimit(.minutes(1))) struct RateLimitGateTests {
    @Test func lowRequestsLeftWaitsForTheReset() async throws {
        let clock = FakeClock()
        let gate = RateLimitGate(maxInFlight: 4, clock: clock)
        try await gate.acquire()
        await gate.release(
            observing: HTTPResponse(
                status: 200, headers: ["X-Rate-Limit-Requests-Left": "0", "X-Rate-Limit-Time-Reset-Ms": "2500"]))
        try await gate.acquire()
        #expect(clock.sleeps == [2.5])
        await gate.release(observing: nil)
        try await gate.acquire()
        #expect(clock.sleeps == [2.5])
    }

    @Test func plentyLeftDoesNotWait() async throws {
        let clock = FakeClock()
        let gate = RateLimitGate(maxInFlight: 4, clock: clock)
        try await gate.acquire()
        await gate.release(
            observing: HTTPResponse(
                status: 200, headers: ["X-Rate-Limit-Requests-Left": "140", "X-Rate-Limit-Time-Reset-Ms": "2500"]))
        try await gate.acquire()
        #expect(clock.sleeps.isEmpty)
    }

    @Test func aTooManyRequestsHoldsEveryoneBack() async throws {
        let clock = FakeClock()
        let gate = RateLimitGate(maxInFlight: 4, clock: clock)
        try await gate.acquire()
        await gate.release(observing: HTTPResponse(status: 429, headers: ["X-Rate-Limit-Time-Reset-Ms": "1500"]))
        try await gate.acquire()
        #expect(clock.sleeps == [1.5])
    }

    @Test func concurrencyIsBounded() async throws {
        let transport = CountingTransport()
        let client = BigCommerceClient(
            location: try StoreLocation.parse("abc123"), token: "tok", transport: transport, clock: FakeClock(),
            maxInFlight: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 1...8 { group.addTask { _ = try await client.webhook(id: id) } }
            try await group.waitForAll()
        }
        #expect(await transport.maxInFlight <= 2)
        #expect(await transport.total == 8)
    }
}

/// Answers after a few yields, counting how many requests overlap.
private actor CountingTransport: HTTPTransport {
    private(set) var maxInFlight = 0
    private(set) var total = 0
    private var inFlight = 0

    /// Counts the request and answers after a few yields.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        inFlight += 1
        total += 1
        maxInFlight = max(maxInFlight, inFlight)
        for _ in 0..<20 { await Task.yield() }
        inFlight -= 1
        return try Reply.hook(id: 1).get()
    }
}
