import Foundation
import Testing

@testable import BCWebhooksKit

/// Tokens, store hashes, scope probes and the request log.
@Suite struct SandboxAccessTests {
    private typealias S = SandboxTestSupport

    @Test(arguments: [String?.none, "wrong-token", ""])
    func wrongOrMissingTokenIs401WithTheRealTitle(token: String?) async throws {
        let store = try S.store()
        let response = await store.handle(try S.request("GET", "/v3/hooks", token: token))
        #expect(response.status == 401)
        #expect(response.header("WWW-Authenticate") != nil)
        let object = try S.json(response)
        #expect(
            object["title"] as? String
                == "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store."
        )
        #expect(response.header("X-Rate-Limit-Requests-Left") != nil)
    }

    @Test func anyTokenIsAcceptedWhenNoneIsConfigured() async throws {
        let store = try S.store { $0.token = nil }
        #expect(await store.handle(try S.request("GET", "/v3/hooks", token: "whatever")).status == 200)
        #expect(await store.handle(try S.request("GET", "/v3/hooks", token: nil)).status == 401)
    }

    @Test func unknownStoreHashIs404AndHostIsIgnored() async throws {
        let store = try S.store()
        let other = try S.request("GET", "/v3/hooks", base: "https://api.bigcommerce.com/stores/zzz999")
        #expect(await store.handle(other).status == 404)
        let loopback = try S.request("GET", "/v3/hooks", base: "http://127.0.0.1:9/stores/sandbox1")
        #expect(await store.handle(loopback).status == 200)
        let unknownPath = try S.request("GET", "/v3/nothing")
        #expect(await store.handle(unknownPath).status == 404)
    }

    @Test func trailingSlashOnAResourceIs403LikeTheRealAPI() async throws {
        let store = try S.store()
        #expect(await store.handle(try S.request("GET", "/v3/hooks/")).status == 403)
    }

    @Test func grantedProbesAnswer200Or404ForMadeUpIDs() async throws {
        let store = try S.store()
        for scope in ScopeCatalog.all {
            let path = scope.probePath.replacingOccurrences(of: "{uuid}", with: UUID().uuidString.lowercased())
            let response = await store.handle(try S.request("GET", path))
            #expect(response.status == (scope.notFoundMeansGranted ? 404 : 200), "\(scope.oauthName)")
            #expect((try? JSONSerialization.jsonObject(with: response.body)) != nil)
        }
    }

    @Test func eachUngrantedScopeIs403OnlyOnItsOwnProbe() async throws {
        for missing in ScopeCatalog.all {
            let store = try S.store { $0.grantedScopes.remove(missing.oauthName) }
            for scope in ScopeCatalog.all {
                let path = scope.probePath.replacingOccurrences(
                    of: "{uuid}", with: "0e4b6a8c-0000-4000-8000-000000000000")
                let response = await store.handle(try S.request("GET", path))
                if scope == missing {
                    #expect(response.status == 403, "\(scope.oauthName)")
                } else {
                    #expect(response.status != 403, "\(scope.oauthName) when \(missing.oauthName) is missing")
                }
            }
        }
    }

    @Test func missingScopeBodiesFollowV3AndV2Shapes() async throws {
        let store = try S.store { $0.grantedScopes = [] }
        let v3 = await store.handle(try S.request("GET", "/v3/catalog/products?limit=1"))
        let object = try S.json(v3)
        #expect(object["status"] as? Int == 403)
        #expect(object["title"] as? String == "You don't have a required scope to access the endpoint")
        #expect(object["type"] is String)
        let v2 = await store.handle(try S.request("GET", "/v2/store"))
        #expect(v2.status == 403)
        let array = try #require(try JSONSerialization.jsonObject(with: v2.body) as? [[String: Any]])
        #expect(array.first?["message"] as? String == "You don't have a required scope to access the endpoint")
        // Hooks need no scope.
        #expect(await store.handle(try S.request("GET", "/v3/hooks")).status == 200)
    }

    @Test func everyRequestIsLogged() async throws {
        let store = try S.store()
        _ = await store.handle(try S.request("GET", "/v3/hooks?limit=1"))
        _ = await store.handle(try S.request("POST", "/v3/hooks", body: S.hookBody()))
        _ = await store.handle(try S.request("GET", "/v3/hooks", token: "bad"))
        let log = store.requestLog
        #expect(log.map(\.method) == ["GET", "POST", "GET"])
        #expect(log.map(\.status) == [200, 200, 401])
        #expect(log.map(\.isWrite) == [false, true, false])
        #expect(log.map(\.applied) == [false, true, false])
        #expect(log[0].path == "/stores/sandbox1/v3/hooks")
        #expect(log[0].query == "limit=1")
        store.clearRequestLog()
        #expect(store.requestLog.isEmpty)
    }
}
