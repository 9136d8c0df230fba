import Testing

@testable import BCWebhooksKit

/// The `--json` documents keep CLI.md's shapes, including explicit nulls.
@Suite struct JSONShapeTests {
    @Test func syncDocumentShowsNullIDForACreate() throws {
        let plan = WebhookPlan(steps: [
            WebhookPlan.Step(action: .create, scope: "store/sku/*", id: nil, destination: "d", fields: nil),
            WebhookPlan.Step(action: .unchanged, scope: "store/product/*", id: 7, destination: "d", fields: nil),
        ])
        let result = WebhookSync.Result(plan: plan, outcomes: [], applied: true)
        let expected =
            #"{"applied":true,"plan":[{"action":"create","id":null,"scope":"store/sku/*"},"#
            + #"{"action":"unchanged","id":7,"scope":"store/product/*"}]}"#
        #expect(try result.json() == expected)
    }

    @Test func checkReportShowsNullForUnknownScopesAndMissingHooks() throws {
        let report = CheckReport(
            ok: false, storeHash: "abc123", credentials: .init(ok: true),
            scopes: [.init(name: "Carts", oauth: "store_cart_read_only", granted: ExplicitNull(nil))],
            webhooks: [.init(scope: "store/sku/*", status: .missing, id: ExplicitNull(nil))],
            envFile: .init(path: ".env", ok: true, problems: []))
        let json = try JSONOutput.encode(report)
        #expect(json.contains(#"{"granted":null,"name":"Carts","oauth":"store_cart_read_only"}"#))
        #expect(json.contains(#"{"id":null,"scope":"store/sku/*","status":"missing"}"#))
        #expect(json.contains(#""store_hash":"abc123""#))
        #expect(json.contains(#""env_file":{"ok":true,"path":".env","problems":[]}"#))
    }
}
