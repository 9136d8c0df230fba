import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct RetryPolicyTests {
    private let policy = RetryPolicy.standard

    @Test func backoffGrowsIsCappedAndJittered() {
        #expect(policy.backoff(retry: 1, random: 0) == 0.25)
        #expect(policy.backoff(retry: 1, random: 1) == 0.5)
        #expect(policy.backoff(retry: 2, random: 1) == 1)
        #expect(policy.backoff(retry: 3, random: 0.5) == 1.5)
        #expect(policy.backoff(retry: 20, random: 1) == 8)
    }

    @Test func requestedWaitIsTheLongerHeader() {
        #expect(RetryPolicy.requestedWait(HTTPResponse(status: 429)) == nil)
        #expect(
            RetryPolicy.requestedWait(
                HTTPResponse(status: 429, headers: ["X-Rate-Limit-Time-Reset-Ms": "2500", "X-Retry-After": "1"]))
                == 2.5)
        #expect(
            RetryPolicy.requestedWait(
                HTTPResponse(status: 429, headers: ["X-Rate-Limit-Time-Reset-Ms": "500", "X-Retry-After": "4"])) == 4)
    }

    @Test(arguments: [
        ("GET", RetryPolicy.Outcome.response(HTTPResponse(status: 500)), RetryPolicy.Verdict.retry(minimumWait: 0)),
        ("PUT", .transportFailure(.timedOut), .retry(minimumWait: 0)),
        ("DELETE", .unparseable(HTTPResponse(status: 200)), .retry(minimumWait: 0)),
        ("POST", .response(HTTPResponse(status: 429)), .retry(minimumWait: 0)),
        ("POST", .response(HTTPResponse(status: 503)), .retry(minimumWait: 0)),
        // Every response carries the rate-limit window's reset time; only a 429 must wait for it.
        (
            "GET", .response(HTTPResponse(status: 503, headers: ["X-Rate-Limit-Time-Reset-Ms": "29000"])),
            .retry(minimumWait: 0)
        ),
        (
            "GET", .response(HTTPResponse(status: 429, headers: ["X-Rate-Limit-Time-Reset-Ms": "2000"])),
            .retry(minimumWait: 2)
        ),
        ("POST", .response(HTTPResponse(status: 500)), .outcomeUnknown),
        ("POST", .response(HTTPResponse(status: 504)), .outcomeUnknown),
        ("POST", .transportFailure(.connectionFailed("x")), .outcomeUnknown),
        ("GET", .response(HTTPResponse(status: 401)), .final),
        ("GET", .response(HTTPResponse(status: 403)), .final),
        ("GET", .response(HTTPResponse(status: 404)), .final),
        ("PUT", .response(HTTPResponse(status: 422)), .final),
        ("GET", .response(HTTPResponse(status: 200)), .final),
    ])
    func verdicts(method: String, outcome: RetryPolicy.Outcome, expected: RetryPolicy.Verdict) {
        #expect(policy.verdict(method: method, outcome: outcome) == expected)
    }

    @Test func budgetStartsAtTheFirstWait() async {
        let budget = RetryBudget(total: 30)
        #expect(await budget.permits(wait: 10, now: 100))
        #expect(await budget.permits(wait: 10, now: 115))
        #expect(await !budget.permits(wait: 10, now: 125))
        #expect(await budget.permits(wait: 5, now: 125))
    }
}
