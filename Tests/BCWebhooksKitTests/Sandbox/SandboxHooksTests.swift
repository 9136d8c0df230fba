import Foundation
import Testing

@testable import BCWebhooksKit

/// The webhooks endpoints: shapes, pagination, filters, validation.
@Suite struct SandboxHooksTests {
    private typealias S = SandboxTestSupport

    @Test func createReturnsTheFullHookInBigCommerceShape() async throws {
        let store = try S.store()
        let response = await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody()))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        let object = try S.json(response)
        #expect((object["meta"] as? [String: Any])?.isEmpty == true)
        let hook = try S.data(response)
        #expect(hook["id"] as? Int == 1)
        #expect(hook["client_id"] as? String == SandboxConfiguration.defaultClientID)
        #expect(hook["store_hash"] as? String == "sandbox1")
        #expect(hook["scope"] as? String == "store/product/*")
        #expect(hook["destination"] as? String == "https://shop.example.com/bigcommerce/webhook")
        #expect(hook["is_active"] as? Bool == true)
        #expect(hook["headers"] as? [String: String] == ["x-bigcommerce-webhook-secret": "s3cret"])
        #expect(hook["created_at"] as? Int == 1_700_000_000)
        #expect(hook["updated_at"] as? Int == 1_700_000_000)
        // The body decodes into the shared model.
        let decoded = try JSONDecoder().decode(Webhook.self, from: JSONSerialization.data(withJSONObject: hook))
        #expect(decoded.id == 1 && decoded.isActive)
    }

    @Test func idsIncreaseAndHeadersDefaultToNull() async throws {
        let store = try S.store()
        let first = try await S.create(store, scope: "store/product/*")
        let response = await store.handle(
            try S.request("POST", "/v3/hooks", body: #"{"scope":"store/sku/*","destination":"https://a.example.com/"}"#)
        )
        let second = try S.data(response)
        #expect(second["id"] as? Int == first + 1)
        #expect(second["headers"] is NSNull)
        #expect(second["is_active"] as? Bool == true)
    }

    @Test func getUpdateDeleteOneHook() async throws {
        let store = try S.store()
        let id = try await S.create(store, scope: "store/category/*")
        let got = await store.handle(try S.request("GET", "/v3/hooks/\(id)"))
        #expect(got.status == 200)
        #expect(try S.data(got)["scope"] as? String == "store/category/*")

        let updated = await store.handle(try S.request("PUT", "/v3/hooks/\(id)", body: #"{"is_active":false}"#))
        #expect(updated.status == 200)
        let hook = try S.data(updated)
        #expect(hook["is_active"] as? Bool == false)
        #expect(hook["destination"] as? String == "https://shop.example.com/hook")

        let headers = await store.handle(
            try S.request("PUT", "/v3/hooks/\(id)", body: #"{"headers":{"x-bigcommerce-webhook-secret":"new"}}"#))
        #expect(try S.data(headers)["headers"] as? [String: String] == ["x-bigcommerce-webhook-secret": "new"])

        let deleted = await store.handle(try S.request("DELETE", "/v3/hooks/\(id)"))
        #expect(deleted.status == 200)
        #expect(try S.data(deleted)["id"] as? Int == id)
        let gone = await store.handle(try S.request("GET", "/v3/hooks/\(id)"))
        #expect(gone.status == 404)
        #expect(try S.json(gone)["title"] as? String == "Webhook with id [\(id)] not found")
        #expect(store.state.hooks.isEmpty)
    }

    @Test func listPaginatesAcrossPagesWithLinks() async throws {
        let store = try S.store()
        for index in 1...5 {
            try await S.create(store, scope: "store/product/*", destination: "https://shop\(index).example.com/")
        }
        let first = await store.handle(try S.request("GET", "/v3/hooks?limit=2"))
        #expect(try S.list(first).compactMap { $0["id"] as? Int } == [1, 2])
        let pagination = try S.pagination(first)
        #expect(pagination["total"] as? Int == 5)
        #expect(pagination["count"] as? Int == 2)
        #expect(pagination["per_page"] as? Int == 2)
        #expect(pagination["current_page"] as? Int == 1)
        #expect(pagination["total_pages"] as? Int == 3)
        let links = try #require(pagination["links"] as? [String: String])
        #expect(links["previous"] == nil)
        #expect(links["current"] == "?page=1&limit=2")
        #expect(links["next"] == "?page=2&limit=2")

        let last = await store.handle(try S.request("GET", "/v3/hooks?page=3&limit=2"))
        #expect(try S.list(last).compactMap { $0["id"] as? Int } == [5])
        let lastLinks = try #require(try S.pagination(last)["links"] as? [String: String])
        #expect(lastLinks["previous"] == "?page=2&limit=2")
        #expect(lastLinks["next"] == nil)

        let all = await store.handle(try S.request("GET", "/v3/hooks"))
        #expect(try S.list(all).count == 5)
        #expect(try S.pagination(all)["per_page"] as? Int == 50)
    }

    @Test func emptyListHasNoPages() async throws {
        let store = try S.store()
        let response = await store.handle(try S.request("GET", "/v3/hooks"))
        #expect(response.status == 200)
        #expect(try S.list(response).isEmpty)
        #expect(try S.pagination(response)["total"] as? Int == 0)
    }

    @Test func listFiltersByActiveScopeAndDestination() async throws {
        let store = try S.store()
        let product = try await S.create(store, scope: "store/product/*", destination: "https://a.example.com/hook")
        try await S.create(store, scope: "store/sku/*", destination: "https://a.example.com/hook")
        let other = try await S.create(store, scope: "store/sku/*", destination: "https://b.example.com/hook")
        try store.deactivate(hookID: product)

        let inactive = await store.handle(try S.request("GET", "/v3/hooks?is_active=false"))
        #expect(try S.list(inactive).compactMap { $0["id"] as? Int } == [product])
        let sku = await store.handle(try S.request("GET", "/v3/hooks?scope=store/sku/*"))
        #expect(try S.list(sku).count == 2)
        let destination = await store.handle(
            try S.request("GET", "/v3/hooks?destination=https://b.example.com/hook"))
        #expect(try S.list(destination).compactMap { $0["id"] as? Int } == [other])
        let links = try #require(try S.pagination(destination)["links"] as? [String: String])
        #expect(links["current"]?.contains("destination=") == true)
    }

    @Test(arguments: [
        (#"{"destination":"https://a.example.com/"}"#, "scope"),
        (#"{"scope":"store/product/*"}"#, "destination"),
        (#"{"scope":"product/*","destination":"https://a.example.com/"}"#, "scope"),
        (#"{"scope":"store/product/*","destination":"http://a.example.com/"}"#, "destination"),
        (#"{"scope":"store/product/*","destination":"https://a.example.com:8443/hook"}"#, "destination"),
        (#"{"scope":"store/product/*","destination":"not a url"}"#, "destination"),
        (#"{"scope":"store/product/*","destination":"https://a.example.com/","is_active":"yes"}"#, "is_active"),
        (#"{"scope":"store/product/*","destination":"https://a.example.com/","headers":{"a":1}}"#, "headers"),
    ])
    func createValidationRefusesWith422NamingTheField(body: String, field: String) async throws {
        let store = try S.store()
        let response = await store.handle(try S.request("POST", "/v3/hooks", body: body))
        #expect(response.status == 422)
        let object = try S.json(response)
        #expect(object["status"] as? Int == 422)
        #expect(object["title"] as? String == "JSON data is missing or invalid")
        #expect(object["type"] is String)
        let errors = try #require(object["errors"] as? [String: String])
        #expect(errors[field] != nil)
        #expect(store.state.hooks.isEmpty)
    }

    @Test func explicitPort443IsAccepted() async throws {
        let store = try S.store()
        try await S.create(store, scope: "store/product/*", destination: "https://a.example.com:443/hook")
    }

    @Test func malformedBodyIs400() async throws {
        let store = try S.store()
        let response = await store.handle(try S.request("POST", "/v3/hooks", body: "[1,2"))
        #expect(response.status == 400)
    }

    @Test func emptyOrUnknownOnlyUpdateIs422() async throws {
        let store = try S.store()
        let id = try await S.create(store, scope: "store/product/*")
        for body in ["{}", #"{"events_history_enabled":true}"#] {
            let response = await store.handle(try S.request("PUT", "/v3/hooks/\(id)", body: body))
            #expect(response.status == 422)
        }
        let bad = await store.handle(
            try S.request("PUT", "/v3/hooks/\(id)", body: #"{"destination":"https://a.example.com:8443/"}"#))
        #expect(bad.status == 422)
        #expect(store.state.hooks.first?.updatedAt == 1_700_000_000)
    }

    @Test func duplicateScopeAndDestinationIs409OnCreateAndUpdate() async throws {
        let store = try S.store()
        try await S.create(store, scope: "store/product/*", destination: "https://a.example.com/hook")
        let duplicate = await store.handle(
            try S.request("POST", "/v3/hooks", body: S.hookBody(destination: "https://a.example.com/hook")))
        #expect(duplicate.status == 409)
        #expect(try S.json(duplicate)["status"] as? Int == 409)

        let other = try await S.create(store, scope: "store/product/*", destination: "https://b.example.com/hook")
        let clash = await store.handle(
            try S.request("PUT", "/v3/hooks/\(other)", body: #"{"destination":"https://a.example.com/hook"}"#))
        #expect(clash.status == 409)
        #expect(store.state.hooks.count == 2)
    }

    @Test func atMostTenHooksPerScope() async throws {
        let store = try S.store()
        for index in 1...10 {
            try await S.create(store, scope: "store/order/*", destination: "https://h\(index).example.com/")
        }
        let eleventh = await store.handle(
            try S.request(
                "POST", "/v3/hooks", body: S.hookBody(scope: "store/order/*", destination: "https://h11.example.com/")))
        #expect(eleventh.status == 422)
        try await S.create(store, scope: "store/sku/*", destination: "https://h11.example.com/")
    }

    @Test func hooksOfAnotherClientAreInvisibleAndDoNotClash() async throws {
        let store = try S.store()
        try store.insertHook(
            Webhook(
                id: 40, clientID: "someoneelse", scope: "store/product/*", destination: "https://a.example.com/hook",
                headers: nil, isActive: true))
        let list = await store.handle(try S.request("GET", "/v3/hooks"))
        #expect(try S.list(list).isEmpty)
        #expect(await store.handle(try S.request("GET", "/v3/hooks/40")).status == 404)
        #expect(await store.handle(try S.request("DELETE", "/v3/hooks/40")).status == 404)
        let id = try await S.create(store, scope: "store/product/*", destination: "https://a.example.com/hook")
        #expect(id == 41)
    }

    @Test func adminListsHooksWithStatus() async throws {
        let store = try S.store()
        let id = try await S.create(store, scope: "store/product/*")
        try store.deactivate(hookID: id)
        let response = await store.handle(try S.request("GET", "/v3/hooks/admin"))
        #expect(response.status == 200)
        let data = try S.data(response)
        let hooks = try #require(data["hooks_list"] as? [[String: Any]])
        #expect(hooks.first?["status"] as? String == "inactive")
        #expect(data["emails"] is [Any])
        #expect(data["blocked_domains"] is [Any])
    }

    @Test func unsupportedMethodIs405() async throws {
        let store = try S.store()
        #expect(await store.handle(try S.request("PATCH", "/v3/hooks")).status == 405)
    }

    @Test(arguments: [
        ("store/product/*", true), ("store/cart/lineItem/created", true), ("store/app/uninstalled", true),
        ("store/*", false), ("product/*", false), ("store/product/*/x", false), ("store//created", false),
    ])
    func scopeForm(scope: String, valid: Bool) {
        #expect(SandboxHooksAPI.isValidScope(scope) == valid)
    }
}
