/// Bounds how many API requests are in flight, and holds new ones back until the quota window resets when
/// `X-Rate-Limit-Requests-Left` drops to the number already in flight (or a 429 arrives).
actor RateLimitGate {
    /// The most requests in flight at once.
    let maxInFlight: Int
    private let clock: any Clock
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var requestsLeft: Int?
    private var resetAt: Double?

    /// Creates a gate letting `maxInFlight` requests through at once, waiting on `clock`.
    init(maxInFlight: Int, clock: any Clock) {
        self.maxInFlight = max(1, maxInFlight)
        self.clock = clock
    }

    /// The number of requests in flight now.
    var currentlyInFlight: Int { inFlight }

    /// Waits for a free slot, then, if the quota is nearly used up, for the quota window to reset.
    func acquire() async throws {
        while inFlight >= maxInFlight {
            await withCheckedContinuation { waiters.append($0) }
        }
        inFlight += 1
        do {
            while let left = requestsLeft, let reset = resetAt, left < inFlight {
                let wait = reset - clock.now()
                guard wait > 0 else { break }
                try await clock.sleep(seconds: wait)
                if resetAt == reset {
                    requestsLeft = nil
                    resetAt = nil
                }
            }
            try Task.checkCancellation()
        } catch {
            leave()
            throw error
        }
    }

    /// Frees the slot and learns the quota from the response's rate-limit headers, if any.
    func release(observing response: HTTPResponse?) {
        if let response {
            let now = clock.now()
            if response.status == 429 {
                requestsLeft = 0
                resetAt = now + (RetryPolicy.requestedWait(response) ?? 0)
            } else if let left = response.header("x-rate-limit-requests-left").flatMap(Int.init) {
                requestsLeft = left
                let resetMs = response.header("x-rate-limit-time-reset-ms").flatMap(Double.init) ?? 0
                resetAt = now + resetMs / 1000
            }
        }
        leave()
    }

    private func leave() {
        inFlight -= 1
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
