/// BigCommerce's request quota: `quota` requests per fixed window, reported in `X-Rate-Limit-*` headers.
public struct SandboxRateLimiter: Sendable {
    /// Requests allowed per window.
    public let quota: Int
    /// The window length, in milliseconds.
    public let windowMs: Int
    private var windowStart: Double?
    private var used = 0

    /// Creates a limiter with a full quota.
    public init(quota: Int, windowMs: Int) {
        self.quota = max(quota, 0)
        self.windowMs = max(windowMs, 1)
    }

    /// Counts one request at `now` (seconds, monotonic): whether it is allowed, and the headers to send.
    public mutating func consume(now: Double) -> (allowed: Bool, headers: [String: String]) {
        let window = Double(windowMs) / 1000
        if let start = windowStart, now - start < window {
            // Same window.
        } else {
            windowStart = now
            used = 0
        }
        let allowed = used < quota
        if allowed { used += 1 }
        let start = windowStart ?? now
        let resetMs = max(Int(((start + window - now) * 1000).rounded(.up)), 0)
        var headers = [
            "x-rate-limit-requests-left": String(quota - used),
            "x-rate-limit-requests-quota": String(quota),
            "x-rate-limit-time-window-ms": String(windowMs),
            "x-rate-limit-time-reset-ms": String(resetMs),
        ]
        if !allowed {
            headers["x-retry-after"] = String(max(Int((Double(resetMs) / 1000).rounded(.up)), 1))
        }
        return (allowed, headers)
    }
}
