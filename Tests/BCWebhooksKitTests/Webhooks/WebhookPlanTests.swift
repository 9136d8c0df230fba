import Testing

@testable import BCWebhooksKit

@Suite struct WebhookPlanTests {
    let desired: DesiredWebhooks
    let destination = "https://shop.example.com/bigcommerce/webhook"

    /// Builds the desired hooks every plan here is made against.
    init() throws {
        desired = DesiredWebhooks(app: try AppURL(destinationBase: "https://shop.example.com"), secret: "s3cret")
    }

    func hook(_ id: Int, _ scope: String, _ destination: String? = nil, secret: String? = "s3cret", active: Bool = true)
        -> Webhook
    {
        Webhook(
            id: id, scope: scope, destination: destination ?? self.destination,
            headers: secret.map { ["x-bigcommerce-webhook-secret": $0] }, isActive: active)
    }

    @Test func emptyStoreNeedsThreeCreates() {
        let match = WebhookMatch(hooks: [], desired: desired)
        #expect(match.required.map(\.status) == [.missing, .missing, .missing])
        let plan = WebhookPlan(match: match, desired: desired, prune: false)
        #expect(plan.steps.map(\.action) == [.create, .create, .create])
        #expect(plan.steps.map(\.scope) == ["store/category/*", "store/product/*", "store/sku/*"])
        let fields = plan.steps[0].fields
        #expect(fields?.destination == destination)
        #expect(fields?.isActive == true)
        #expect(fields?.headers == ["x-bigcommerce-webhook-secret": "s3cret"])
    }

    @Test func healthyStoreIsUnchanged() {
        let hooks = [hook(1, "store/category/*"), hook(2, "store/product/*"), hook(3, "store/sku/*")]
        let match = WebhookMatch(hooks: hooks, desired: desired)
        #expect(match.isHealthy)
        #expect(WebhookPlan(match: match, desired: desired, prune: false).isEmpty)
    }

    @Test func eachDriftGetsItsStatusAndAction() {
        let hooks = [
            hook(1, "store/category/*", active: false),
            hook(2, "store/product/*", secret: "old"),
            hook(3, "store/sku/*", "http://shop.example.com/old/webhook", secret: "old", active: false),
        ]
        let match = WebhookMatch(hooks: hooks, desired: desired)
        #expect(match.required.map(\.status) == [.inactive, .wrongSecret, .wrongDestination])
        let plan = WebhookPlan(match: match, desired: desired, prune: false)
        #expect(plan.steps.map(\.action) == [.reactivate, .update, .update])
        #expect(plan.steps[0].fields == WebhookFields(isActive: true))
        #expect(plan.steps[2].fields?.destination == destination)
        #expect(plan.steps[2].fields?.isActive == true)
        #expect(plan.steps[2].fields?.headers?["x-bigcommerce-webhook-secret"] == "s3cret")
    }

    @Test func headerNameIsMatchedCaseInsensitivelyAndOtherHeadersKept() {
        let custom = Webhook(
            id: 7, scope: "store/product/*", destination: destination,
            headers: ["X-BigCommerce-Webhook-Secret": "old", "x-team": "web"], isActive: true)
        let plan = WebhookPlan(match: WebhookMatch(hooks: [custom], desired: desired), desired: desired, prune: false)
        #expect(plan.steps[1].fields?.headers == ["x-bigcommerce-webhook-secret": "s3cret", "x-team": "web"])
    }

    @Test func otherHostsAndScopesAreExtraAndOnlyDeletedWithPrune() {
        let staging = hook(4, "store/product/*", "https://staging.example.com/bigcommerce/webhook")
        let orders = hook(5, "store/order/*")
        let match = WebhookMatch(hooks: [staging, orders], desired: desired)
        #expect(match.required[1].status == .missing)
        #expect(match.extra.map(\.id) == [4, 5])
        let kept = WebhookPlan(match: match, desired: desired, prune: false)
        #expect(kept.steps.suffix(2).map(\.action) == [.extra, .extra])
        let pruned = WebhookPlan(match: match, desired: desired, prune: true)
        #expect(pruned.steps.suffix(2).map(\.action) == [.delete, .delete])
        #expect(pruned.steps.suffix(2).map(\.id) == [4, 5])
    }

    @Test func exactMatchWinsOverSameHostAndTheOtherIsExtra() {
        let oldPath = hook(1, "store/sku/*", "https://shop.example.com/old")
        let exact = hook(2, "store/sku/*")
        let match = WebhookMatch(hooks: [oldPath, exact], desired: desired)
        #expect(match.required[2].hook?.id == 2)
        #expect(match.required[2].status == .ok)
        #expect(match.extra.map(\.id) == [1])
    }
}
