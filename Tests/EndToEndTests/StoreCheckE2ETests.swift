import Foundation
import Testing

/// `check` and `list` against a real `bc-webhooks sandbox` subprocess.
@Suite struct StoreCheckE2ETests {
    @Test func healthyStoreSyncThenCheckPassesAndJSONMatchesTheContract() async throws {
        try await StoreFixture.with { store in
            try await store.syncHealthy()
            let hooks = try store.sandbox.hooks()
            #expect(Set(hooks.compactMap { $0["scope"] as? String }) == Set(StoreFixture.requiredScopes))
            #expect(hooks.allSatisfy { $0["destination"] as? String == StoreFixture.destination })

            let check = try await store.run(["check"])
            #expect(check.exitCode == 0, "\(check.allOutput)")

            let result = try await store.run(["check", "--json"])
            #expect(result.exitCode == 0)
            let json = try StoreFixture.json(result)
            #expect(json["ok"] as? Bool == true)
            #expect(json["store_hash"] as? String == store.sandbox.storeHash)
            #expect((json["credentials"] as? [String: Any])?["ok"] as? Bool == true)
            let scopes = try #require(json["scopes"] as? [[String: Any]])
            #expect(scopes.count == 10)
            for scope in scopes {
                #expect(scope["name"] is String && scope["oauth"] is String)
                #expect(scope["granted"] as? Bool == true)
            }
            let webhooks = try #require(json["webhooks"] as? [[String: Any]])
            #expect(Set(webhooks.compactMap { $0["scope"] as? String }) == Set(StoreFixture.requiredScopes))
            #expect(webhooks.allSatisfy { $0["status"] as? String == "ok" && $0["id"] is Int })
            let envFile = try #require(json["env_file"] as? [String: Any])
            #expect(envFile["path"] is String)
            #expect(envFile["ok"] as? Bool == true)
            #expect((envFile["problems"] as? [Any])?.isEmpty == true)
            store.expectNoSecretLeaked()
        }
    }

    @Test func wrongTokenExits77QuicklyNamingTheStore() async throws {
        try await StoreFixture.with { store in
            try store.writeEnv(token: "wrongTOKEN\(UUID().uuidString)")
            let started = Date()
            let result = try await store.run(["check"])
            let elapsed = Date().timeIntervalSince(started)
            #expect(result.exitCode == 77, "\(result.allOutput)")
            #expect(elapsed < 10, "a rejected token must not hang or be retried (took \(elapsed) s)")
            #expect(result.stderr.contains(store.sandbox.storeHash))
            let requests = try await store.sandbox.settledRequests()
            #expect(!requests.isEmpty && requests.allSatisfy { $0.hasSuffix("→ 401") })
            store.expectNoSecretLeaked()
        }
    }

    @Test func tokenMissingTwoScopesExits2NamingBoth() async throws {
        try await StoreFixture.with { store in
            try await store.syncHealthy()
            try store.sandbox.modifyState { state in
                state["granted_scopes"] = [
                    "store_v2_content_read_only", "store_v2_customers_read_only", "store_v2_information_read_only",
                    "store_v2_marketing_read_only", "store_payments_methods_read", "store_cart_read_only",
                    "store_checkout_read_only", "store_sites_read_only",
                ]
            }
            let check = try await store.run(["check"])
            #expect(check.exitCode == 2, "\(check.allOutput)")
            #expect(check.allOutput.contains("Products"))
            #expect(check.allOutput.contains("Orders"))

            let result = try await store.run(["check", "--json"])
            #expect(result.exitCode == 2)
            let json = try StoreFixture.json(result)
            #expect(json["ok"] as? Bool == false)
            let scopes = try #require(json["scopes"] as? [[String: Any]])
            let refused = scopes.filter { $0["granted"] as? Bool == false }.compactMap { $0["name"] as? String }
            #expect(Set(refused) == ["Products", "Orders"])
            let oauth = scopes.filter { $0["granted"] as? Bool == false }.compactMap { $0["oauth"] as? String }
            #expect(Set(oauth) == ["store_v2_products_read_only", "store_v2_orders_read_only"])
            store.expectNoSecretLeaked()
        }
    }

    @Test(arguments: [
        "https://evil.example.com/stores/abc/v3/",
        "http://api.bigcommerce.com/stores/abc/v3/",
        "https://api.bigcommerce.com@evil.example.com/stores/abc/v3/",
        "https://user:pass@api.bigcommerce.com/stores/abc/v3/",
        "http://[::1",
        "ht!tp:/not a url",
    ])
    func refusedAPIPathExits65BeforeAnyRequest(apiPath: String) async throws {
        try await StoreFixture.with { store in
            for command in [["check"], ["list"], ["sync", "--yes"]] {
                let result = try await store.run(command + ["--api-path", apiPath])
                #expect(result.exitCode == 65, "\(command) \(apiPath): \(result.allOutput)")
                #expect(result.stderr.contains("error:"))
            }
            #expect(try await store.sandbox.settledRequests().isEmpty)
            store.expectNoSecretLeaked()
        }
    }

    @Test func refusedAPIPathInTheEnvFileExits65BeforeAnyRequest() async throws {
        try await StoreFixture.with { store in
            let text = try String(contentsOfFile: store.envPath, encoding: .utf8)
                .replacingOccurrences(of: store.sandbox.endpoint, with: "https://evil.example.com/stores/abc/")
            try text.write(toFile: store.envPath, atomically: true, encoding: .utf8)
            let result = try await store.run(["check"])
            #expect(result.exitCode == 65, "\(result.allOutput)")
            #expect(try await store.sandbox.settledRequests().isEmpty)
            store.expectNoSecretLeaked()
        }
    }

    @Test func emptyOrUnreadableCredentialsFileExits65BeforeAnyRequest() async throws {
        try await StoreFixture.with { store in
            let empty = (store.directory as NSString).appendingPathComponent("empty.txt")
            try Data().write(to: URL(fileURLWithPath: empty))
            let folder = (store.directory as NSString).appendingPathComponent("a-folder.txt")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for path in [empty, folder, (store.directory as NSString).appendingPathComponent("absent.txt")] {
                let result = try await store.run(["check", "--credentials-file", path])
                #expect(result.exitCode == 65, "\(path): \(result.allOutput)")
            }
            #expect(try await store.sandbox.settledRequests().isEmpty)
            store.expectNoSecretLeaked()
        }
    }

    @Test func listShowsATableAndJSONWithRedactedSecretsUnlessAsked() async throws {
        try await StoreFixture.with { store in
            try await store.syncHealthy()
            let redacted = "••••" + String(store.secret.suffix(4))

            let table = try await store.run(["list"])
            #expect(table.exitCode == 0, "\(table.allOutput)")
            for scope in StoreFixture.requiredScopes { #expect(table.stdout.contains(scope)) }
            #expect(table.stdout.contains(StoreFixture.destination))
            #expect(table.stdout.contains("x-bigcommerce-webhook-secret: \(redacted)"))

            let result = try await store.run(["list", "--json"])
            #expect(result.exitCode == 0)
            let webhooks = try #require(try StoreFixture.json(result)["webhooks"] as? [[String: Any]])
            #expect(webhooks.count == 3)
            for hook in webhooks {
                #expect(hook["id"] is Int)
                #expect(hook["destination"] as? String == StoreFixture.destination)
                #expect(hook["is_active"] as? Bool == true)
                let headers = try #require(hook["headers"] as? [String: String])
                #expect(headers["x-bigcommerce-webhook-secret"] == redacted)
            }
            store.expectNoSecretLeaked()

            let shown = try await store.run(["list", "--json", "--show-secrets"])
            #expect(shown.exitCode == 0)
            let shownHooks = try #require(try StoreFixture.json(shown)["webhooks"] as? [[String: Any]])
            for hook in shownHooks {
                #expect((hook["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == store.secret)
            }
            #expect(!shown.allOutput.contains(store.sandbox.token))
        }
    }

    @Test func verboseRunsLogRequestsButNeverTheTokenOrSecret() async throws {
        try await StoreFixture.with { store in
            let sync = try await store.run(["sync", "--yes", "--verbose"])
            #expect(sync.exitCode == 0, "\(sync.allOutput)")
            #expect(sync.stderr.contains("/hooks"), "verbose mode shows the requests")
            try store.sandbox.modifyHook(scope: "store/sku/*") { $0["is_active"] = false }
            for command in [["check", "--verbose"], ["list", "--verbose"], ["check", "--json", "--verbose"]] {
                let result = try await store.run(command)
                #expect([0, 2].contains(result.exitCode), "\(command): \(result.allOutput)")
            }
            #expect(try await store.run(["sync", "--yes", "-v"]).exitCode == 0)
            let wrongToken = "wrongTOKEN\(UUID().uuidString)"
            try store.writeEnv(token: wrongToken)
            let rejected = try await store.run(["check", "--verbose"])
            #expect(rejected.exitCode == 77)
            #expect(rejected.stderr.contains("401"), "verbose mode shows the status")
            #expect(!rejected.allOutput.contains(wrongToken))
            store.expectNoSecretLeaked()
        }
    }
}
