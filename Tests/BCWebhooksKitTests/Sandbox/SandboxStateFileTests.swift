import Foundation
import Testing

@testable import BCWebhooksKit

/// The JSON state file: persistence and hand edits.
@Suite struct SandboxStateFileTests {
    private typealias S = SandboxTestSupport

    private func temporaryPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(".bc-webhooks-sandbox.json").path
    }

    @Test func writesAreSavedAndANewStoreSeesThem() async throws {
        let path = try temporaryPath()
        let first = try S.store { $0.statePath = path }
        #expect(!FileManager.default.fileExists(atPath: path))
        let id = try await S.create(first, scope: "store/sku/*")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [".bc-webhooks-sandbox.json"])

        let second = try S.store { $0.statePath = path }
        let got = await second.handle(try S.request("GET", "/v3/hooks/\(id)"))
        #expect(got.status == 200)
        let next = try await S.create(second, scope: "store/product/*")
        #expect(next == id + 1)
    }

    @Test func editsToTheFileAreSeenByARunningStore() async throws {
        let path = try temporaryPath()
        let store = try S.store { $0.statePath = path }
        let id = try await S.create(store, scope: "store/product/*")
        var state = try #require(try SandboxStateFile(path: path).load())
        state.hooks[0].isActive = false
        state.hooks[0].headers = ["x-bigcommerce-webhook-secret": "old"]
        state.faults = SandboxFaults(failNext: [503])
        try SandboxStateFile(path: path).save(state)

        #expect(await store.handle(try S.request("GET", "/v3/hooks/\(id)")).status == 503)
        let hook = try S.data(await store.handle(try S.request("GET", "/v3/hooks/\(id)")))
        #expect(hook["is_active"] as? Bool == false)
        #expect(hook["headers"] as? [String: String] == ["x-bigcommerce-webhook-secret": "old"])
        #expect(try SandboxStateFile(path: path).load()?.faults == nil)
    }

    @Test func handWrittenFileCanSetTokenScopesAndForeignHooks() async throws {
        let path = try temporaryPath()
        let json = """
            {"token":"from-file","granted_scopes":["store_v2_products_read_only"],
             "hooks":[{"id":7,"scope":"store/product/*","destination":"https://x.example.com/","is_active":true},
                      {"id":9,"client_id":"other","scope":"store/sku/*","destination":"https://x.example.com/","is_active":true}]}
            """
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        let store = try S.store { $0.statePath = path }
        #expect(await store.handle(try S.request("GET", "/v3/hooks")).status == 401)
        let list = await store.handle(try S.request("GET", "/v3/hooks", token: "from-file"))
        #expect(try S.list(list).compactMap { $0["id"] as? Int } == [7])
        #expect(await store.handle(try S.request("GET", "/v3/customers?limit=1", token: "from-file")).status == 403)
        #expect(
            await store.handle(try S.request("GET", "/v3/catalog/products?limit=1", token: "from-file")).status == 200)
        let created = try S.data(
            await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody(), token: "from-file")))
        #expect(created["id"] as? Int == 10)
    }

    @Test func inProcessFileSitsBesideTheEnvFile() {
        #expect(SandboxStateFile.path(besideEnvFile: ".env") == ".bc-webhooks-sandbox.json")
        #expect(SandboxStateFile.path(besideEnvFile: "/app/conf/.env.staging") == "/app/conf/.bc-webhooks-sandbox.json")
    }

    @Test func stateRoundTripsThroughJSON() throws {
        let state = SandboxState(
            nextID: 4,
            hooks: [
                Webhook(
                    id: 3, clientID: "c", storeHash: "h", scope: "store/sku/*", destination: "https://a.example.com/",
                    headers: ["k": "v"], isActive: false, createdAt: 1, updatedAt: 2)
            ], token: "t", grantedScopes: ["store_cart_read_only"],
            faults: SandboxFaults(failNext: [500], loseNextWrites: 1))
        let data = SandboxStateFile.encode(state)
        #expect(try JSONDecoder().decode(SandboxState.self, from: data) == state)
        #expect(String(decoding: data, as: UTF8.self).contains("\"next_id\""))
    }

    @Test func corruptFileIsRefusedAtStartAndAnsweredWith500Later() async throws {
        let path = try temporaryPath()
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SandboxStateFile.Failure.self) { _ = try S.store { $0.statePath = path } }
        try FileManager.default.removeItem(atPath: path)
        let store = try S.store { $0.statePath = path }
        try Data("{oops".utf8).write(to: URL(fileURLWithPath: path))
        #expect(await store.handle(try S.request("GET", "/v3/hooks")).status == 500)
    }
}
