import Foundation
import Testing

@testable import BCWebhooksKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The loopback HTTP server, over real sockets.
@Suite struct SandboxHTTPServerTests {
    private typealias S = SandboxTestSupport

    private func startServer(_ store: SandboxStore) throws -> SandboxHTTPServer {
        let server = SandboxHTTPServer(port: 0) { request in await store.process(request) }
        try server.start()
        return server
    }

    private func fetch(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, try #require(response as? HTTPURLResponse))
    }

    @Test func urlSessionRoundTripOnAPortPickedByTheSystem() async throws {
        let store = try S.store()
        let server = try startServer(store)
        defer { server.stop() }
        #expect(server.port != 0)
        let base = "http://127.0.0.1:\(server.port)/stores/sandbox1/v3"

        var create = URLRequest(url: try #require(URL(string: base + "/hooks")))
        create.httpMethod = "POST"
        create.setValue(S.token, forHTTPHeaderField: "X-Auth-Token")
        create.setValue("application/json", forHTTPHeaderField: "Content-Type")
        create.httpBody = Data(S.hookBody().utf8)
        let (created, createResponse) = try await fetch(create)
        #expect(createResponse.statusCode == 200)
        let hook =
            try #require(try JSONSerialization.jsonObject(with: created) as? [String: Any])["data"] as? [String: Any]
        #expect(hook?["scope"] as? String == "store/product/*")

        var list = URLRequest(url: try #require(URL(string: base + "/hooks?page=1&limit=10")))
        list.setValue(S.token, forHTTPHeaderField: "X-Auth-Token")
        let (listed, listResponse) = try await fetch(list)
        #expect(listResponse.statusCode == 200)
        #expect(listResponse.value(forHTTPHeaderField: "X-Rate-Limit-Requests-Quota") == "150")
        #expect(listResponse.value(forHTTPHeaderField: "X-Rate-Limit-Requests-Left") == "148")
        let items = try #require(try JSONSerialization.jsonObject(with: listed) as? [String: Any])["data"] as? [Any]
        #expect(items?.count == 1)
        #expect(store.requestLog.map(\.query) == [nil, "page=1&limit=10"])
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnectionThenHonoursClose() async throws {
        let store = try S.store()
        let server = try startServer(store)
        defer { server.stop() }
        let port = server.port
        let body = S.hookBody()
        let (first, second, third, closed) = try await OffPool.run {
            let client = try SandboxRawClient(port: port)
            defer { client.closeConnection() }
            let get = "GET /stores/sandbox1/v3/hooks HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(S.token)\r\n"
            client.send(get + "\r\n")
            let first = client.readResponse()
            client.send(
                "POST /stores/sandbox1/v3/hooks HTTP/1.1\r\nhost: x\r\nx-auth-token: \(S.token)\r\n"
                    + "content-type: application/json\r\ncontent-length: \(body.utf8.count)\r\n\r\n\(body)")
            let second = client.readResponse()
            client.send(get + "Connection: close\r\n\r\n")
            let third = client.readResponse()
            return (first, second, third, client.isClosedByPeer())
        }
        let firstResponse = try #require(first)
        #expect(firstResponse.head.hasPrefix("HTTP/1.1 200 OK"))
        #expect(firstResponse.head.contains("Connection: keep-alive"))
        let secondResponse = try #require(second)
        #expect(secondResponse.head.hasPrefix("HTTP/1.1 200 OK"))
        #expect(secondResponse.body.contains("\"id\":1"))
        let thirdResponse = try #require(third)
        #expect(thirdResponse.head.contains("Connection: close"))
        #expect(closed)
        #expect(store.requestLog.count == 3)
    }

    @Test func unauthorizedCarriesWWWAuthenticateOnTheWire() async throws {
        let store = try S.store()
        let server = try startServer(store)
        defer { server.stop() }
        let port = server.port
        let reply = try await OffPool.run {
            let client = try SandboxRawClient(port: port)
            defer { client.closeConnection() }
            client.send("GET /stores/sandbox1/v3/hooks HTTP/1.1\r\nHost: x\r\nX-Auth-Token: nope\r\n\r\n")
            return client.readResponse()
        }
        let response = try #require(reply)
        #expect(response.head.hasPrefix("HTTP/1.1 401 Unauthorized"))
        #expect(response.head.contains("Www-Authenticate: "))
    }

    @Test func oversizedHeadIs431AndOversizedBodyIs413() async throws {
        let store = try S.store()
        let server = try startServer(store)
        defer { server.stop() }
        let port = server.port
        let (bigHead, bigClosed, hugeHead) = try await OffPool.run {
            let big = try SandboxRawClient(port: port)
            defer { big.closeConnection() }
            big.send("GET / HTTP/1.1\r\nX-Filler: \(String(repeating: "a", count: 20_000))\r\n\r\n")
            let bigHead = big.readResponse()?.head
            let bigClosed = big.isClosedByPeer()

            let huge = try SandboxRawClient(port: port)
            defer { huge.closeConnection() }
            huge.send("POST /stores/sandbox1/v3/hooks HTTP/1.1\r\nContent-Length: 5000000\r\n\r\n")
            return (bigHead, bigClosed, huge.readResponse()?.head)
        }
        #expect(bigHead?.hasPrefix("HTTP/1.1 431") == true)
        #expect(bigClosed)
        #expect(hugeHead?.hasPrefix("HTTP/1.1 413") == true)
        #expect(store.requestLog.isEmpty)
    }

    @Test func malformedRequestLineIs400() async throws {
        let server = try startServer(try S.store())
        defer { server.stop() }
        let port = server.port
        let head = try await OffPool.run {
            let client = try SandboxRawClient(port: port)
            defer { client.closeConnection() }
            client.send("NONSENSE\r\n\r\n")
            return client.readResponse()?.head
        }
        #expect(head?.hasPrefix("HTTP/1.1 400") == true)
    }

    @Test func lostResponseIsATruncatedReplyAndAClosedConnection() async throws {
        let store = try S.store()
        try store.loseNextWrites(1)
        let server = try startServer(store)
        defer { server.stop() }
        var create = URLRequest(
            url: try #require(URL(string: "http://127.0.0.1:\(server.port)/stores/sandbox1/v3/hooks")))
        create.httpMethod = "POST"
        create.setValue(S.token, forHTTPHeaderField: "X-Auth-Token")
        create.httpBody = Data(S.hookBody().utf8)
        await #expect(throws: (any Error).self) { _ = try await fetch(create) }
        #expect(store.state.hooks.count == 1)
    }

    @Test func stopClosesTheListenerAndPortInUseIsReported() async throws {
        let server = try startServer(try S.store())
        let port = server.port
        let busy = SandboxHTTPServer(port: port) { _ in .lost }
        #expect(throws: SandboxHTTPServer.Failure.self) { try busy.start() }
        let (admitted, closed) = try await OffPool.run {
            let idle = try SandboxRawClient(port: port)
            defer { idle.closeConnection() }
            // Stop only once the server has taken the idle connection on: one still in the listen queue when the
            // listener shuts would test the kernel, not `stop()`.
            let deadline = Date().addingTimeInterval(10)
            while server.openConnectionCount == 0, Date() < deadline { usleep(1_000) }
            let admitted = server.openConnectionCount == 1
            server.stop()
            return (admitted, idle.isClosedByPeer())
        }
        #expect(admitted)
        #expect(closed)
        #expect(throws: (any Error).self) { _ = try SandboxRawClient(port: port) }
    }

    @Test func requestHeadParsing() throws {
        let head = try SandboxHTTPRequestHead.parse(
            Data("PUT /a?b=1 HTTP/1.1\r\nContent-Length: 3\r\nX-A: 1\r\nx-a: 2\r\nConnection: Close".utf8))
        #expect(head.method == "PUT")
        #expect(head.target == "/a?b=1")
        #expect(try head.contentLength() == 3)
        #expect(head.headers["x-a"] == "1, 2")
        #expect(!head.keepAlive)
        let old = try SandboxHTTPRequestHead.parse(Data("GET / HTTP/1.0".utf8))
        #expect(!old.keepAlive)
        #expect(throws: SandboxHTTPRequestHead.Problem.badContentLength) {
            _ = try SandboxHTTPRequestHead.parse(Data("GET / HTTP/1.1\r\nContent-Length: -1".utf8))
        }
        #expect(throws: SandboxHTTPRequestHead.Problem.malformed) {
            _ = try SandboxHTTPRequestHead.parse(Data("GET /\r\n".utf8))
        }
    }
}
