import Foundation
import Testing

/// `sync` against a real `bc-webhooks sandbox` subprocess whose state the tests edit between commands.
@Suite struct StoreSyncE2ETests {
    /// A drift made by editing the state file, and the status `check` must report for it.
    struct Drift: Sendable, CustomTestStringConvertible {
        /// The status `check --json` reports.
        let status: String
        /// The scope whose hook drifts.
        let scope: String

        var testDescription: String { status }

        /// Applies the drift to the sandbox's state file.
        func apply(to sandbox: SandboxProcess) throws {
            switch status {
            case "inactive":
                try sandbox.modifyHook(scope: scope) { $0["is_active"] = false }
            case "wrong_secret":
                try sandbox.modifyHook(scope: scope) {
                    $0["headers"] = ["x-bigcommerce-webhook-secret": "staleSECRET0123456789"]
                }
            default:
                try sandbox.modifyState { state in
                    let hooks = (state["hooks"] as? [[String: Any]]) ?? []
                    state["hooks"] = hooks.filter { $0["scope"] as? String != scope }
                }
            }
        }
    }

    @Test(arguments: [
        Drift(status: "inactive", scope: "store/product/*"),
        Drift(status: "wrong_secret", scope: "store/category/*"),
        Drift(status: "missing", scope: "store/sku/*"),
    ])
    func driftIsReportedThenFixedBySyncAndASecondSyncOnlyReads(drift: Drift) async throws {
        try await StoreFixture.with { store in
            try await store.syncHealthy()
            try drift.apply(to: store.sandbox)

            let check = try await store.run(["check"])
            #expect(check.exitCode == 2, "\(check.allOutput)")
            #expect(check.allOutput.contains(drift.scope))
            let json = try StoreFixture.json(try await store.run(["check", "--json"]))
            #expect(json["ok"] as? Bool == false)
            let statuses = StoreFixture.webhookStatuses(json)
            #expect(statuses[drift.scope] == drift.status)
            #expect(statuses.filter { $0.key != drift.scope }.values.allSatisfy { $0 == "ok" })

            let before = try await store.sandbox.settledRequests().count
            let fix = try await store.run(["sync", "--yes"])
            #expect(fix.exitCode == 0, "\(fix.allOutput)")
            let writes = try await store.sandbox.settledRequests(since: before).filter { !$0.hasPrefix("GET ") }
            #expect(writes.count == 1, "one write fixes one drifted hook: \(writes)")

            let settled = try await store.sandbox.settledRequests().count
            let again = try await store.run(["sync", "--yes"])
            #expect(again.exitCode == 0, "\(again.allOutput)")
            let second = try await store.sandbox.settledRequests(since: settled)
            #expect(!second.isEmpty)
            #expect(
                second.allSatisfy { $0.hasPrefix("GET ") }, "only reads: \(second)")

            #expect(try await store.run(["check"]).exitCode == 0)
            let hook = try #require(try store.sandbox.hooks().first { $0["scope"] as? String == drift.scope })
            #expect(hook["is_active"] as? Bool == true)
            #expect((hook["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == store.secret)
            store.expectNoSecretLeaked()
        }
    }

    @Test func hookOnAnotherHostIsExtraAndOnlyPruneDeletesIt() async throws {
        try await StoreFixture.with { store in
            try await store.syncHealthy()
            let otherDestination = "https://staging.example.org/bigcommerce/webhook"
            try store.sandbox.modifyState { state in
                var hooks = (state["hooks"] as? [[String: Any]]) ?? []
                var other = try #require(hooks.first { $0["scope"] as? String == "store/product/*" })
                other["id"] = 99
                other["destination"] = otherDestination
                other["headers"] = ["x-bigcommerce-webhook-secret": "stagingSECRET42"]
                hooks.append(other)
                state["hooks"] = hooks
            }

            #expect(try await store.run(["check"]).exitCode == 0, "the required hooks are all fine")
            let plan = try await store.run(["sync", "--yes", "--json"])
            #expect(plan.exitCode == 0, "\(plan.allOutput)")
            let actions = try #require(try StoreFixture.json(plan)["plan"] as? [[String: Any]])
            let extra = try #require(actions.first { $0["id"] as? Int == 99 })
            #expect(extra["action"] as? String == "extra")
            #expect(extra["scope"] as? String == "store/product/*")
            #expect(actions.filter { $0["id"] as? Int != 99 }.allSatisfy { $0["action"] as? String == "unchanged" })
            let kept = try #require(try store.sandbox.hooks().first { $0["id"] as? Int == 99 })
            #expect(kept["destination"] as? String == otherDestination)
            #expect((kept["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == "stagingSECRET42")

            let before = try await store.sandbox.settledRequests().count
            let prune = try await store.run(["sync", "--yes", "--prune"])
            #expect(prune.exitCode == 0, "\(prune.allOutput)")
            #expect(try store.sandbox.hooks().contains { $0["id"] as? Int == 99 } == false)
            #expect(try store.sandbox.hooks().count == 3)
            let writes = try await store.sandbox.settledRequests(since: before).filter { !$0.hasPrefix("GET ") }
            #expect(
                writes.count == 1 && writes.first?.hasPrefix("DELETE ") == true && writes.first?.contains("/99") == true
            )
            store.expectNoSecretLeaked()
        }
    }

    @Test func hookOnTheAppHostWithAnotherPathIsWrongDestinationAndSyncUpdatesIt() async throws {
        try await StoreFixture.with { store in
            try await store.syncHealthy()
            try store.sandbox.modifyHook(scope: "store/sku/*") {
                $0["destination"] = "https://shop.example.com/old/webhook"
            }
            let json = try StoreFixture.json(try await store.run(["check", "--json"]))
            #expect(StoreFixture.webhookStatuses(json)["store/sku/*"] == "wrong_destination")
            let sync = try await store.run(["sync", "--yes", "--json"])
            #expect(sync.exitCode == 0, "\(sync.allOutput)")
            let plan = try #require(try StoreFixture.json(sync)["plan"] as? [[String: Any]])
            #expect(plan.first { $0["scope"] as? String == "store/sku/*" }?["action"] as? String == "update")
            #expect(try store.sandbox.hooks().count == 3)
            #expect(try await store.run(["check"]).exitCode == 0)
            store.expectNoSecretLeaked()
        }
    }

    @Test func hooksOfAnotherAPIClientAreInvisibleAndUntouched() async throws {
        try await StoreFixture.with { store in
            try store.sandbox.modifyState { state in
                state["hooks"] = [
                    [
                        "id": 50, "client_id": "someotherclient", "store_hash": store.sandbox.storeHash,
                        "scope": "store/product/*", "destination": StoreFixture.destination, "is_active": false,
                        "headers": ["x-bigcommerce-webhook-secret": "otherCLIENTsecret"], "created_at": 0,
                        "updated_at": 0,
                    ]
                ]
            }
            let list = try await store.run(["list", "--json"])
            #expect((try StoreFixture.json(list)["webhooks"] as? [Any])?.isEmpty == true)
            try await store.syncHealthy()
            let hooks = try store.sandbox.hooks()
            #expect(hooks.count == 4)
            let other = try #require(hooks.first { $0["id"] as? Int == 50 })
            #expect(other["is_active"] as? Bool == false)
            #expect((other["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == "otherCLIENTsecret")
            store.expectNoSecretLeaked()
        }
    }

    @Test func syncWithoutYesAndWithoutATerminalExits64AndWritesNothing() async throws {
        try await StoreFixture.with { store in
            let envBefore = try Data(contentsOf: URL(fileURLWithPath: store.envPath))
            let result = try await store.run(["sync"])
            #expect(result.exitCode == 64, "\(result.allOutput)")
            #expect(result.stderr.contains("--yes"))
            let noInput = try await store.run(["sync", "--no-input"])
            #expect(noInput.exitCode == 64, "\(noInput.allOutput)")
            let requests = try await store.sandbox.settledRequests()
            #expect(requests.allSatisfy { $0.hasPrefix("GET ") }, "\(requests)")
            #expect(try store.sandbox.hooks().isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: store.envPath)) == envBefore)
            store.expectNoSecretLeaked()
        }
    }

    @Test func dryRunShowsThePlanAndWritesNothing() async throws {
        try await StoreFixture.with { store in
            let envBefore = try Data(contentsOf: URL(fileURLWithPath: store.envPath))
            let result = try await store.run(["sync", "--dry-run", "--yes"])
            #expect(result.exitCode == 0, "\(result.allOutput)")
            for scope in StoreFixture.requiredScopes { #expect(result.stdout.contains(scope)) }
            let json = try await store.run(["sync", "--dry-run", "--json"])
            #expect(json.exitCode == 0, "\(json.allOutput)")
            let plan = try #require(try StoreFixture.json(json)["plan"] as? [[String: Any]])
            #expect(plan.compactMap { $0["action"] as? String } == ["create", "create", "create"])
            #expect(try StoreFixture.json(json)["applied"] as? Bool == false)
            let requests = try await store.sandbox.settledRequests()
            #expect(requests.allSatisfy { $0.hasPrefix("GET ") }, "\(requests)")
            #expect(try store.sandbox.hooks().isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: store.envPath)) == envBefore)
            store.expectNoSecretLeaked()
        }
    }
}
