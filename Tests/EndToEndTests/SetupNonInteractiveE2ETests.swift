import Foundation
import Testing

/// `setup --no-input --yes` fed from flags, from process environment variables, and from BigCommerce's
/// credentials file: each ends with the same env file and hooks, and a second run writes nothing.
@Suite struct SetupNonInteractiveE2ETests {
    enum Source: String, CaseIterable, Sendable {
        case flags, environment, credentialsFile
    }

    /// Runs setup from `source` in a fresh fixture; returns the normalised env file and the hooks.
    func setUp(from source: Source) async throws -> (env: [String: String], hooks: [String]) {
        var outcome: (env: [String: String], hooks: [String]) = ([:], [])
        try await StoreFixture.with { fixture in
            try FileManager.default.removeItem(atPath: fixture.envPath)
            let sandbox = fixture.sandbox
            let common = ["setup", "--no-input", "--yes"]
            let arguments: [String]
            var environment: [String: String] = [:]
            var stdin: String?
            switch source {
            case .flags:
                arguments = common + ["--api-path", sandbox.apiPath, "--token-stdin", "--app-url", StoreFixture.appURL]
                stdin = sandbox.token + "\n"
            case .environment:
                arguments = common
                environment = [
                    "FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT": sandbox.endpoint,
                    "FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN": sandbox.token,
                    "FRONT_COMMERCE_URL": StoreFixture.appURL,
                ]
            case .credentialsFile:
                let credentials = """
                    ACCESS TOKEN: \(sandbox.token)\r
                    CLIENT NAME: bc-webhooks tests\r
                    API PATH: \(sandbox.apiPath)\r
                    """
                try credentials.write(
                    toFile: fixture.directory + "/BigCommerceAPI-credentials.txt", atomically: true, encoding: .utf8)
                arguments =
                    common + ["--credentials-file", "BigCommerceAPI-credentials.txt", "--app-url", StoreFixture.appURL]
            }
            let first = try await fixture.run(arguments, environment: environment, stdin: stdin)
            #expect(first.exitCode == 0, "\(source): \(first.allOutput)")

            let env = try #require(try await EnvFileReader.values(at: fixture.envPath))
            let secret = try #require(env["FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET"])
            #expect(secret.range(of: "^[0-9a-f]{50}$", options: .regularExpression) != nil)
            #expect(env["FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN"] == sandbox.token)
            #expect(env["FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT"] == String(sandbox.apiPath.dropLast("/v3/".count)))
            #expect(!first.allOutput.contains(sandbox.token))
            #expect(!first.allOutput.contains(secret))

            let hooks = try sandbox.hooks()
            #expect(hooks.count == 3)
            #expect(
                hooks.allSatisfy { ($0["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == secret })

            let before = sandbox.requests.count
            let second = try await fixture.run(arguments, environment: environment, stdin: stdin)
            #expect(second.exitCode == 0, "\(source): \(second.allOutput)")
            let requests = try await sandbox.settledRequests(since: before)
            #expect(!requests.isEmpty)
            #expect(requests.allSatisfy { $0.hasPrefix("GET ") }, "second run wrote: \(requests)")

            var normalised = env
            normalised["FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET"] = "<secret>"
            normalised["FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN"] = "<token>"
            normalised["FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT"] = "<endpoint>"
            outcome = (
                normalised,
                hooks.map { "\($0["scope"] ?? "") \($0["destination"] ?? "") \($0["is_active"] ?? "")" }.sorted()
            )
        }
        return outcome
    }

    @Test func flagsEnvironmentAndCredentialsFileEndTheSame() async throws {
        var results: [Source: (env: [String: String], hooks: [String])] = [:]
        for source in Source.allCases { results[source] = try await setUp(from: source) }
        let reference = try #require(results[.flags])
        #expect(reference.env.count == 5, "\(reference.env.keys.sorted())")
        for source in Source.allCases {
            #expect(results[source]?.env == reference.env, "\(source)")
            #expect(results[source]?.hooks == reference.hooks, "\(source)")
        }
    }
}

/// Reads an env file the way the app would, through python-dotenv.
enum EnvFileReader {
    /// Every key and value of the file at `path`.
    static func values(at path: String) async throws -> [String: String]? {
        let script = "import json,sys; from dotenv import dotenv_values; print(json.dumps(dotenv_values(sys.argv[1])))"
        let result = try await BinaryRunner.runProgram("/usr/bin/env", ["python3", "-c", script, path])
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String]
    }
}

/// `setup` stops before any webhook write when the token lacks required scopes.
@Suite struct SetupScopeE2ETests {
    @Test func missingScopesStopSetupWith77UnlessSkipped() async throws {
        try await StoreFixture.with { store in
            try store.sandbox.modifyState { state in
                state["granted_scopes"] = ["store_v2_content_read_only", "store_v2_customers_read_only"]
            }
            let before = store.sandbox.requests.count
            let stopped = try await store.run(["setup", "--no-input", "--yes"])
            #expect(stopped.exitCode == 77, "\(stopped.allOutput)")
            #expect(stopped.stderr.contains("Products"))
            #expect(stopped.stderr.contains("Sites & routes"))
            let requests = try await store.sandbox.settledRequests(since: before)
            #expect(requests.allSatisfy { $0.hasPrefix("GET ") }, "\(requests)")
            #expect(try store.sandbox.hooks().isEmpty)

            let skipped = try await store.run(["setup", "--no-input", "--yes", "--skip-scope-check"])
            #expect(skipped.exitCode == 0, "\(skipped.allOutput)")
            #expect(skipped.stderr.contains("--skip-scope-check"))
            #expect(try store.sandbox.hooks().count == 3)
            store.expectNoSecretLeaked()
        }
    }
}

/// `env NAME --token-stdin --yes` against a sandbox server: the token is read once and the new
/// environment's hooks are created with its own secret.
@Suite struct EnvWithStoreE2ETests {
    @Test func envReadsTheTokenOnceAndSyncsTheNewEnvironment() async throws {
        try await StoreFixture.with { store in
            let result = try await store.run(
                [
                    "env", "staging", "--api-path", store.sandbox.apiPath, "--token-stdin", "--app-url",
                    "https://staging.example.com", "--no-input", "--yes",
                ], stdin: store.sandbox.token + "\n")
            #expect(result.exitCode == 0, "\(result.allOutput)")
            let env = try #require(try await EnvFileReader.values(at: store.directory + "/.env.staging"))
            #expect(env["FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN"] == store.sandbox.token)
            let secret = try #require(env["FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET"])
            let staging = try store.sandbox.hooks().filter {
                ($0["destination"] as? String) == "https://staging.example.com/bigcommerce/webhook"
            }
            #expect(staging.count == 3)
            #expect(
                staging.allSatisfy { ($0["headers"] as? [String: String])?["x-bigcommerce-webhook-secret"] == secret })
            store.expectNoSecretLeaked()
            #expect(!result.allOutput.contains(secret))
        }
    }
}
