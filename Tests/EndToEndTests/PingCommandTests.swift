import BCWebhooksKit
import Foundation
import Testing

/// `ping` against small local apps on loopback: one that checks the secret header, one that accepts anything,
/// and one that is down.
@Suite struct PingCommandTests {
    static let secret = "ping-secret-\(UUID().uuidString.lowercased())"

    /// Records what the app received.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var requests: [HTTPRequest] = []
        func append(_ request: HTTPRequest) { lock.withLock { requests.append(request) } }
        var all: [HTTPRequest] { lock.withLock { requests } }
    }

    /// Starts an app on a free loopback port answering with `status(request)`.
    func startApp(_ received: Received, status: @escaping @Sendable (HTTPRequest) -> Int) throws -> SandboxHTTPServer {
        let server = SandboxHTTPServer(port: 0) { request in
            received.append(request)
            return .response(HTTPResponse(status: status(request), headers: ["content-type": "text/plain"]))
        }
        _ = try server.start()
        return server
    }

    func ping(port: UInt16, _ extra: [String] = [], clientSecret: String? = nil) async throws -> RunResult {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        var env = "FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET=\(Self.secret)\n"
        if let clientSecret { env += "FRONT_COMMERCE_BIG_COMMERCE_CLIENT_SECRET=\(clientSecret)\n" }
        try env.write(toFile: directory + "/.env", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try await BinaryRunner.run(
            ["ping", "--app-url", "http://127.0.0.1:\(port)"] + extra, in: directory, timeout: 30)
    }

    @Test func appCheckingTheHeaderPasses() async throws {
        let received = Received()
        let app = try startApp(received) { request in
            request.headers["x-bigcommerce-webhook-secret"] == Self.secret ? 200 : 401
        }
        defer { app.stop() }
        let result = try await ping(port: app.port, ["--json"], clientSecret: "client-secret-value")
        #expect(result.exitCode == 0, "\(result.allOutput)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["ok"] as? Bool == true)
        #expect((json["right_secret"] as? [String: Any])?["status"] as? Int == 200)
        #expect((json["wrong_secret"] as? [String: Any])?["status"] as? Int == 401)
        #expect(json["signed"] as? Bool == true)
        let requests = received.all
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.method == "POST" && $0.url.path == "/bigcommerce/webhook" })
        #expect(requests.allSatisfy { $0.headers["webhook-signature"]?.hasPrefix("v1,") == true })
        let body = try #require(requests.first?.body)
        let payload = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(payload["scope"] as? String == "store/product/updated")
        #expect(!result.allOutput.contains(Self.secret))
        #expect(!result.allOutput.contains("client-secret-value"))
    }

    @Test func appAcceptingAnythingIsReportedWithExit2() async throws {
        let app = try startApp(Received()) { _ in 204 }
        defer { app.stop() }
        let result = try await ping(port: app.port)
        #expect(result.exitCode == 2, "\(result.allOutput)")
        #expect(result.stdout.contains("ACCEPTED a wrong secret"))
        #expect(!result.allOutput.contains(Self.secret))
    }

    @Test func appRefusingTheRightSecretIsReportedWithExit2() async throws {
        let app = try startApp(Received()) { _ in 401 }
        defer { app.stop() }
        let result = try await ping(port: app.port, ["--scope", "store/sku/*"])
        #expect(result.exitCode == 2, "\(result.allOutput)")
        #expect(result.stdout.contains("the app refused it"))
    }

    @Test func appThatIsDownExits69() async throws {
        let app = try startApp(Received()) { _ in 200 }
        let port = app.port
        app.stop()
        let result = try await ping(port: port)
        #expect(result.exitCode == 69, "\(result.allOutput)")
        #expect(result.stderr.contains("cannot be reached"))
    }

    @Test func unknownScopeIsAUsageError() async throws {
        let result = try await ping(port: 9, ["--scope", "store/order/*"])
        #expect(result.exitCode == 64)
    }
}
