import Foundation
import Testing

/// `--sandbox`: the in-process simulated store, persisted beside the env file.
@Suite struct InProcessSandboxE2ETests {
    @Test func syncThenCheckWithSandboxSucceedAndShareTheStateFile() async throws {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let secret = "whSECRET\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        let envPath = (directory as NSString).appendingPathComponent(".env.sandbox")
        try "FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET=\(secret)\n"
            .write(toFile: envPath, atomically: true, encoding: .utf8)
        let appURL = ["--app-url", "https://shop.example.com"]

        let sync = try await BinaryRunner.run(["sync", "--sandbox", "--yes"] + appURL, in: directory)
        #expect(sync.exitCode == 0, "\(sync.allOutput)")
        let statePath = (directory as NSString).appendingPathComponent(".bc-webhooks-sandbox.json")
        #expect(FileManager.default.fileExists(atPath: statePath))

        let check = try await BinaryRunner.run(["check", "--sandbox"] + appURL, in: directory)
        #expect(check.exitCode == 0, "\(check.allOutput)")
        let json = try await BinaryRunner.run(["check", "--sandbox", "--json"] + appURL, in: directory)
        #expect(json.exitCode == 0, "\(json.allOutput)")
        let statuses = StoreFixture.webhookStatuses(try StoreFixture.json(json))
        #expect(statuses == Dictionary(uniqueKeysWithValues: StoreFixture.requiredScopes.map { ($0, "ok") }))
        for result in [sync, check, json] { #expect(!result.allOutput.contains(secret)) }
    }

    @Test func anExplicitEnvFileKeepsTheStateBesideIt() async throws {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = (directory as NSString).appendingPathComponent("config")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let envPath = (folder as NSString).appendingPathComponent(".env.demo")
        try
            "FRONT_COMMERCE_URL=https://shop.example.com\nFRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET=whSECRETdemo1234567890\n"
            .write(toFile: envPath, atomically: true, encoding: .utf8)
        let sync = try await BinaryRunner.run(["sync", "--sandbox", "--yes", "--env-file", envPath], in: directory)
        #expect(sync.exitCode == 0, "\(sync.allOutput)")
        #expect(
            FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent(".bc-webhooks-sandbox.json")))
        #expect(
            !FileManager.default.fileExists(
                atPath: (directory as NSString).appendingPathComponent(".bc-webhooks-sandbox.json")))
        let check = try await BinaryRunner.run(["check", "--sandbox", "--env-file", envPath], in: directory)
        #expect(check.exitCode == 0, "\(check.allOutput)")
    }
}
