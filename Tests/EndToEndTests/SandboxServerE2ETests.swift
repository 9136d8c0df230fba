import Foundation
import Testing

/// The `bc-webhooks sandbox` subprocess itself: its banner, its request log, its faults, and how it stops.
@Suite struct SandboxServerE2ETests {
    @Test func bannerAndRequestLogShowWhatArrivedButNoSecrets() async throws {
        try await StoreFixture.with { store in
            let banner = store.sandbox.lines.joined(separator: "\n")
            #expect(banner.contains("token:    \(store.sandbox.token)"), "the sandbox token is printed on purpose")
            try await store.syncHealthy()
            let requests = try await store.sandbox.settledRequests()
            let path = "/stores/\(store.sandbox.storeHash)/v3/hooks"
            #expect(requests.first == "GET \(path)?page=1 → 200")
            #expect(requests.filter { $0 == "POST \(path) → 200" }.count == 3)
            store.expectNoSecretLeaked()
        }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func stopsOnSignal(signal: Int32) async throws {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = try await SandboxProcess.start(in: directory)
        let status = await sandbox.stop(signal: signal)
        #expect(status == (signal == SIGINT ? 130 : 128 + SIGTERM))
    }

    @Test func lostWriteResponsesConvergeWithoutDuplicates() async throws {
        try await StoreFixture.with { store in
            try store.sandbox.modifyState { $0["faults"] = ["lose_next_writes": 2] }
            let sync = try await store.run(["sync", "--yes"])
            #expect(sync.exitCode == 0, "\(sync.allOutput)")
            let requests = try await store.sandbox.settledRequests()
            #expect(requests.filter { $0.hasSuffix("→ lost") }.count == 2)
            let hooks = try store.sandbox.hooks()
            #expect(hooks.count == 3)
            #expect(Set(hooks.compactMap { $0["scope"] as? String }) == Set(StoreFixture.requiredScopes))
            #expect(try await store.run(["check"]).exitCode == 0)
            store.expectNoSecretLeaked()
        }
    }

    @Test func transientServerErrorsAreRetried() async throws {
        try await StoreFixture.with { store in
            try await store.syncHealthy()
            try store.sandbox.modifyState { $0["faults"] = ["fail_next": [503, 502]] }
            let started = Date()
            let check = try await store.run(["check"])
            let elapsed = Date().timeIntervalSince(started)
            #expect(check.exitCode == 0, "\(check.allOutput)")
            // Backoff is sub-second here; the rate-limit window's reset (on every response) is no reason to wait.
            #expect(elapsed < 10, "two transient failures took \(elapsed) s")
            let failed = try await store.sandbox.settledRequests().filter {
                $0.hasSuffix("→ 503") || $0.hasSuffix("→ 502")
            }
            #expect(failed.count == 2)
            store.expectNoSecretLeaked()
        }
    }
}
