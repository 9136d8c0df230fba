import Foundation
import Testing

/// `env NAME` and `rotate` against the in-process sandbox, on real files.
@Suite struct DayTwoCommandTests {
    let directory: String

    init() throws {
        directory = try BinaryRunner.makeTemporaryDirectory()
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    /// The value of `key` in an env file, as python-dotenv reads it.
    func value(_ key: String, in name: String) throws -> String? {
        try read(name).split(separator: "\n").last { $0.hasPrefix(key + "=") }.map {
            String($0.dropFirst(key.count + 1))
        }
    }

    func state() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/.bc-webhooks-sandbox.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return json["hooks"] as? [[String: Any]] ?? []
    }

    func setUpProduction() async throws {
        let setup = try await BinaryRunner.run(
            [
                "setup", "--sandbox", "--env-file", ".env", "--no-input", "--yes", "--app-url",
                "https://shop.example.com",
            ],
            in: directory)
        #expect(setup.exitCode == 0, "\(setup.allOutput)")
    }

    @Test func envWritesACompleteCommentedPrivateFileWithFreshSecrets() async throws {
        try await setUpProduction()
        let result = try await BinaryRunner.run(
            ["env", "staging", "--sandbox", "--no-input", "--app-url", "https://staging.example.com"], in: directory)
        #expect(result.exitCode == 0, "\(result.allOutput)")
        let path = directory + "/.env.staging"
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let text = try read(".env.staging")
        #expect(text.contains("# Shared secret sent by BigCommerce"))
        for key in [
            "FRONT_COMMERCE_URL", "FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT", "FRONT_COMMERCE_BIG_COMMERCE_STORE_HASH",
            "FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN", "FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET",
            "FRONT_COMMERCE_COOKIE_PASS", "FRONT_COMMERCE_CACHE_API_TOKEN",
        ] {
            let value = try #require(try value(key, in: ".env.staging"), "\(key) missing")
            #expect(!value.isEmpty, "\(key) is empty")
        }
        #expect(try value("FRONT_COMMERCE_URL", in: ".env.staging") == "https://staging.example.com")
        let stagingSecret = try value("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET", in: ".env.staging")
        #expect(stagingSecret?.count == 50)
        #expect(stagingSecret != (try value("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET", in: ".env")))
        #expect(try value("FRONT_COMMERCE_COOKIE_PASS", in: ".env.staging")?.count == 64)
        #expect(try value("FRONT_COMMERCE_CACHE_API_TOKEN", in: ".env.staging")?.count == 48)
        #expect(!result.allOutput.contains(stagingSecret ?? "-"))

        let before = try read(".env.staging")
        let again = try await BinaryRunner.run(
            ["env", "staging", "--sandbox", "--no-input", "--app-url", "https://other.example.com"], in: directory)
        #expect(again.exitCode == 73)
        #expect(try read(".env.staging") == before)

        let forced = try await BinaryRunner.run(
            ["env", "staging", "--sandbox", "--no-input", "--force", "--app-url", "https://other.example.com"],
            in: directory)
        #expect(forced.exitCode == 0)
        #expect(try value("FRONT_COMMERCE_URL", in: ".env.staging") == "https://other.example.com")
    }

    @Test func envWithoutRequiredValuesAndNoInputExits64NamingTheFlags() async throws {
        let result = try await BinaryRunner.run(["env", "qa", "--no-input"], in: directory)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--app-url"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/.env.qa"))
        let noStore = try await BinaryRunner.run(
            ["env", "qa", "--no-input", "--app-url", "https://qa.example.com"], in: directory)
        #expect(noStore.exitCode == 64)
        #expect(noStore.stderr.contains("--api-path"))
    }

    @Test func envWithYesCreatesTheNewEnvironmentsHooksBesideTheOthers() async throws {
        try await setUpProduction()
        let result = try await BinaryRunner.run(
            ["env", "staging", "--sandbox", "--no-input", "--yes", "--app-url", "https://staging.example.com"],
            in: directory)
        #expect(result.exitCode == 0, "\(result.allOutput)")
        let hooks = try state()
        #expect(hooks.count == 6)
        let staging = hooks.filter { ($0["destination"] as? String)?.hasPrefix("https://staging.") == true }
        let secret = try value("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET", in: ".env.staging")
        #expect(staging.count == 3)
        #expect(staging.allSatisfy { ($0["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == secret })
    }

    @Test func rotateSavesTheNewSecretAndEveryHookCarriesIt() async throws {
        try await setUpProduction()
        let old = try value("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET", in: ".env")
        let result = try await BinaryRunner.run(["rotate", "--sandbox", "--env-file", ".env", "--yes"], in: directory)
        #expect(result.exitCode == 0, "\(result.allOutput)")
        let new = try #require(try value("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET", in: ".env"))
        #expect(new != old)
        #expect(new.count == 50)
        let hooks = try state()
        #expect(hooks.count == 3)
        #expect(hooks.allSatisfy { ($0["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == new })
        #expect(!result.allOutput.contains(new))
        #expect(!result.allOutput.contains(old ?? "-"))
        #expect(result.stdout.contains("delayed, not lost"))
        let check = try await BinaryRunner.run(["check", "--sandbox", "--env-file", ".env"], in: directory)
        #expect(check.exitCode == 0, "\(check.allOutput)")
    }

    @Test func rotateFailingMidwayKeepsTheNewSecretAndSyncConverges() async throws {
        try await setUpProduction()
        // The next write (one of the three header updates) fails with a 400 that is not retried.
        var json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory + "/.bc-webhooks-sandbox.json")))
                as? [String: Any])
        json["faults"] = ["fail_next_writes": [400]]
        try JSONSerialization.data(withJSONObject: json).write(
            to: URL(fileURLWithPath: directory + "/.bc-webhooks-sandbox.json"))

        let rotate = try await BinaryRunner.run(["rotate", "--sandbox", "--env-file", ".env", "--yes"], in: directory)
        #expect(rotate.exitCode != 0, "\(rotate.allOutput)")
        #expect(rotate.stderr.contains("already holds the new secret"))
        #expect(rotate.stderr.contains("again"))
        let new = try #require(try value("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET", in: ".env"))
        let stale = try state().filter {
            ($0["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] != new
        }
        #expect(stale.count == 1)

        let sync = try await BinaryRunner.run(["sync", "--sandbox", "--env-file", ".env", "--yes"], in: directory)
        #expect(sync.exitCode == 0, "\(sync.allOutput)")
        let hooks = try state()
        #expect(hooks.count == 3)
        #expect(hooks.allSatisfy { ($0["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == new })
    }

    @Test func rotateDryRunChangesNothing() async throws {
        try await setUpProduction()
        let envBefore = try read(".env")
        let stateBefore = try read(".bc-webhooks-sandbox.json")
        let result = try await BinaryRunner.run(
            ["rotate", "--sandbox", "--env-file", ".env", "--dry-run", "--json"], in: directory)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("\"applied\":false"))
        #expect(try read(".env") == envBefore)
        #expect(try read(".bc-webhooks-sandbox.json") == stateBefore)
    }
}
