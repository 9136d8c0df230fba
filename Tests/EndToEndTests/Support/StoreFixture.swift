import Foundation
import Synchronization
import Testing

/// One end-to-end scenario's world: its own temp folder, its own sandbox subprocess, an env file pointing at it,
/// and every output of the runs made through it (to check that no secret leaked).
final class StoreFixture: Sendable {
    /// The app URL the env file holds.
    static let appURL = "https://shop.example.com"
    /// The webhook destination for `appURL`.
    static let destination = appURL + "/bigcommerce/webhook"
    /// The three webhook scopes Front-Commerce needs.
    static let requiredScopes = ["store/category/*", "store/product/*", "store/sku/*"]

    /// The scenario's temp folder (the working directory of every run).
    let directory: String
    /// The sandbox serving the store.
    let sandbox: SandboxProcess
    /// A distinctive webhook secret.
    let secret: String
    /// The env file's path.
    var envPath: String { (directory as NSString).appendingPathComponent(".env") }
    private let outputs = Mutex<[(arguments: [String], result: RunResult)]>([])

    private init(directory: String, sandbox: SandboxProcess, secret: String) {
        self.directory = directory
        self.sandbox = sandbox
        self.secret = secret
    }

    /// Runs `body` with a fresh folder, sandbox and env file, then stops the sandbox and removes the folder.
    static func with(
        sandboxArguments: [String] = [], _ body: (StoreFixture) async throws -> Void
    ) async throws {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        let token = "sbxTOKEN\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        let secret = "whSECRET\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        let sandbox: SandboxProcess
        do {
            sandbox = try await SandboxProcess.start(in: directory, token: token, arguments: sandboxArguments)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        let fixture = StoreFixture(directory: directory, sandbox: sandbox, secret: secret)
        do {
            try fixture.writeEnv()
            try await body(fixture)
        } catch {
            await sandbox.stop()
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        await sandbox.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Writes the env file: app URL, webhook secret, the sandbox's endpoint, store hash and token.
    func writeEnv(token: String? = nil) throws {
        let text = """
            FRONT_COMMERCE_URL=\(Self.appURL)
            FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET=\(secret)
            FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT=\(sandbox.endpoint)
            FRONT_COMMERCE_BIG_COMMERCE_STORE_HASH=\(sandbox.storeHash)
            FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN=\(token ?? sandbox.token)

            """
        try text.write(toFile: envPath, atomically: true, encoding: .utf8)
    }

    /// Runs the binary in the folder (stdin is a pipe, never a terminal) and remembers its output.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) async throws -> RunResult
    {
        let result = try await BinaryRunner.run(
            arguments, in: directory, environment: environment, stdin: stdin, timeout: 60)
        outputs.withLock { $0.append((arguments, result)) }
        return result
    }

    /// Runs `sync --yes` and requires it to succeed.
    func syncHealthy() async throws {
        let result = try await run(["sync", "--yes"])
        try #require(result.exitCode == 0, "sync --yes failed: \(result.allOutput)")
    }

    /// Expects that no run printed the token or the webhook secret (runs with `--show-secrets` are skipped),
    /// and that the sandbox's request log holds neither.
    func expectNoSecretLeaked(sourceLocation: SourceLocation = #_sourceLocation) {
        let runs = outputs.withLock { $0 }
        #expect(!runs.isEmpty, sourceLocation: sourceLocation)
        for line in sandbox.requests {
            #expect(
                !line.contains(sandbox.token) && !line.contains(secret), "the sandbox logged a secret: \(line)",
                sourceLocation: sourceLocation)
        }
        for run in runs {
            #expect(
                !run.result.allOutput.contains(sandbox.token), "token printed by \(run.arguments)",
                sourceLocation: sourceLocation)
            if !run.arguments.contains("--show-secrets") {
                #expect(
                    !run.result.allOutput.contains(secret), "secret printed by \(run.arguments)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// The parsed JSON object a run printed on stdout.
    static func json(_ result: RunResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The `check --json` webhook statuses by scope.
    static func webhookStatuses(_ check: [String: Any]) -> [String: String] {
        var statuses: [String: String] = [:]
        for hook in (check["webhooks"] as? [[String: Any]]) ?? [] {
            if let scope = hook["scope"] as? String, let status = hook["status"] as? String {
                statuses[scope] = status
            }
        }
        return statuses
    }
}
