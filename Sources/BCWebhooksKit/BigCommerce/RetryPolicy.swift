/// When a failed attempt is tried again, and after how long.
///
/// - GET, PUT and DELETE are idempotent: a 429, any 5xx, a dropped connection, a timeout or an unparseable body
///   is retried.
/// - POST (create) is retried only when BigCommerce said it did not process the request: 429 and 503. A dropped
///   connection, a timeout, another 5xx or an unparseable success body may hide a hook that was created, so it is
///   reported as "outcome unknown" and the caller lists the hooks again instead of posting twice.
/// - 401, 403, 404, 409, 422 and every other 4xx are final.
///
/// Waits grow exponentially with jitter; a 429's `X-Rate-Limit-Time-Reset-Ms` / `X-Retry-After` (the longer) is a
/// floor. All waits of one client share a budget (`totalWaitBudget` seconds from the first wait).
public struct RetryPolicy: Sendable, Equatable {
    /// At most this many attempts per request.
    public var maxAttempts: Int
    /// The first backoff, in seconds, before jitter.
    public var baseDelay: Double
    /// The largest backoff, in seconds, before jitter.
    public var maxDelay: Double
    /// How long, in seconds from the first retry wait, retries may go on (CLI.md: about 30 s).
    public var totalWaitBudget: Double

    /// The policy of the command-line contract.
    public static let standard = RetryPolicy(maxAttempts: 6, baseDelay: 0.5, maxDelay: 8, totalWaitBudget: 30)

    /// Creates a policy.
    public init(maxAttempts: Int, baseDelay: Double, maxDelay: Double, totalWaitBudget: Double) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.totalWaitBudget = totalWaitBudget
    }

    /// What one attempt produced, as the policy sees it.
    public enum Outcome: Sendable, Equatable {
        /// An HTTP response with a well-formed body (or one that needs none).
        case response(HTTPResponse)
        /// A success status whose body is not the JSON it should be (truncated, an HTML error page…).
        case unparseable(HTTPResponse)
        /// No response at all.
        case transportFailure(TransportError)
    }

    /// The policy's verdict on an attempt.
    public enum Verdict: Sendable, Equatable {
        /// Final: hand the response to the caller.
        case final
        /// Transient: try again after at least `minimumWait` seconds (0 when no header asked for a wait).
        case retry(minimumWait: Double)
        /// The request may or may not have taken effect; do not repeat it.
        case outcomeUnknown
    }

    /// Whether `method` can be repeated without changing the result.
    public static func isIdempotent(_ method: String) -> Bool {
        ["GET", "HEAD", "PUT", "DELETE"].contains(method.uppercased())
    }

    /// Judges one attempt of `method`.
    public func verdict(method: String, outcome: Outcome) -> Verdict {
        let idempotent = Self.isIdempotent(method)
        switch outcome {
        case .response(let response):
            switch response.status {
            case 429: return .retry(minimumWait: Self.requestedWait(response) ?? 0)
            case 503: return .retry(minimumWait: 0)
            case 500...599: return idempotent ? .retry(minimumWait: 0) : .outcomeUnknown
            default: return .final
            }
        case .unparseable, .transportFailure:
            return idempotent ? .retry(minimumWait: 0) : .outcomeUnknown
        }
    }

    /// The backoff before retry number `retry` (1 for the first), with equal jitter: half fixed, half `random`.
    public func backoff(retry: Int, random: Double) -> Double {
        let exponent = Double(max(0, retry - 1))
        let capped = min(maxDelay, baseDelay * pow2(exponent))
        let unit = min(max(random, 0), 1)
        return capped / 2 + capped / 2 * unit
    }

    /// The wait a response asks for: the longer of `X-Rate-Limit-Time-Reset-Ms` and `X-Retry-After` (or
    /// `Retry-After`) seconds; `nil` when it asks for none.
    public static func requestedWait(_ response: HTTPResponse) -> Double? {
        let reset = response.header("x-rate-limit-time-reset-ms").flatMap(Double.init).map { $0 / 1000 }
        let retryAfter = (response.header("x-retry-after") ?? response.header("retry-after")).flatMap(Double.init)
        let waits = [reset, retryAfter].compactMap { $0 }.filter { $0.isFinite && $0 >= 0 }
        return waits.max()
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(min(exponent, 30)) { value *= 2 }
        return value
    }
}
