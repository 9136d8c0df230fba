import Foundation
import Testing

@testable import BCWebhooksKit

@Suite(.serialized, .timeLimit(.minutes(1))) struct URLSessionTransportTests {
    private static func server() throws -> LoopbackTestServer {
        let server = LoopbackTestServer { path in
            switch path {
            case "/ok":
                .raw(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Rate-Limit-Requests-Left: 7\r\n"
                        + "Content-Length: 11\r\nConnection: close\r\n\r\n{\"data\":[]}")
            case "/unauthorized":
                .raw(
                    "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"store\"\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 14\r\nConnection: close\r\n\r\n"
                        + "{\"status\":401}")
            case "/redirect":
                .raw("HTTP/1.1 302 Found\r\nLocation: /ok\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            default:
                .hang
            }
        }
        try server.start()
        return server
    }

    @Test func returnsStatusHeadersAndBodyAndSendsHeaders() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let request = HTTPRequest(
            method: "GET", url: server.url("/ok"), headers: ["X-Auth-Token": "tok", "Accept": "application/json"])
        let response = try await URLSessionTransport(deadline: 5).send(request)
        #expect(response.status == 200)
        #expect(response.header("X-Rate-Limit-Requests-Left") == "7")
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"data\":[]}")
        let head = try #require(server.heads.first).lowercased()
        #expect(head.contains("x-auth-token: tok"))
        #expect(head.contains("user-agent: bc-webhooks/\(ToolVersion.current)"))
    }

    @Test func unauthorizedWithChallengeReturnsPromptlyAs401() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let started = Date()
        let response = try await URLSessionTransport(deadline: 10).send(
            HTTPRequest(method: "GET", url: server.url("/unauthorized")))
        #expect(response.status == 401)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func redirectsAreNotFollowed() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let response = try await URLSessionTransport(deadline: 5).send(
            HTTPRequest(method: "GET", url: server.url("/redirect")))
        #expect(response.status == 302)
        #expect(response.header("location") == "/ok")
        #expect(server.paths == ["/redirect"])
    }

    @Test func silentServerHitsTheDeadline() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let started = Date()
        await #expect(throws: TransportError.timedOut) {
            _ = try await URLSessionTransport(deadline: 0.5).send(
                HTTPRequest(method: "GET", url: server.url("/hang")))
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 0.45 && elapsed < 3)
    }

    @Test func refusedConnectionIsAConnectionFailure() async throws {
        let server = try Self.server()
        let url = server.url("/ok")
        server.stop()
        await #expect {
            _ = try await URLSessionTransport(deadline: 5).send(HTTPRequest(method: "GET", url: url))
        } throws: { error in
            if case TransportError.connectionFailed = error { return true }
            return false
        }
    }
}
