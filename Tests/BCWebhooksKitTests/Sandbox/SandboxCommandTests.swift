import Foundation
import Testing

@testable import BCWebhooksKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `bc-webhooks sandbox`: its options and its run loop.
@Suite struct SandboxCommandTests {
    private struct FixedRandom: RandomSource {
        func bytes(count: Int) throws -> [UInt8] { [UInt8](repeating: 0xab, count: count) }
    }

    @Test func scopesAcceptAllNoneAndMixedNames() throws {
        #expect(try SandboxOptions.parseScopes("all").count == ScopeCatalog.all.count)
        #expect(try SandboxOptions.parseScopes("none").isEmpty)
        #expect(
            try SandboxOptions.parseScopes("store_v2_products_read_only, information & settings,Carts")
                == ["store_v2_products_read_only", "store_v2_information_read_only", "store_cart_read_only"])
    }

    @Test func unknownScopeIsAUsageErrorNamingIt() {
        do {
            _ = try SandboxOptions.parseScopes("Products,store_v2_everything")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == .usage)
            #expect(error.message.contains("store_v2_everything"))
        }
    }

    @Test(arguments: [
        SandboxOptions(port: 70_000), SandboxOptions(storeHash: "Bad Hash"), SandboxOptions(latencyMs: -1),
        SandboxOptions(failRate: 1.5), SandboxOptions(scopes: "nope"),
    ])
    func invalidOptionsAreUsageErrors(options: SandboxOptions) {
        #expect(throws: SandboxOptions.Invalid.self) { _ = try options.configuration(token: "t", clock: SystemClock()) }
    }

    @Test func optionsBuildTheConfiguration() throws {
        let options = SandboxOptions(
            port: 0, storeHash: "abc123", scopes: "Products", latencyMs: 40, failRate: 0.25, statePath: "/tmp/x.json")
        let configuration = try options.configuration(token: "tok", clock: SystemClock())
        #expect(configuration.storeHash == "abc123")
        #expect(configuration.token == "tok")
        #expect(configuration.grantedScopes == ["store_v2_products_read_only"])
        #expect(configuration.latencyMs == 40)
        #expect(configuration.failRate == 0.25)
        #expect(configuration.statePath == "/tmp/x.json")
    }

    @Test func runPrintsTheAPIPathAndTokenServesThemAndStopsOnCancel() async throws {
        let terminal = SandboxTestTerminal()
        let options = SandboxOptions(port: 0, storeHash: "abc123")
        let task = Task {
            try await SandboxCommand.run(
                options: options, terminal: terminal, clock: SystemClock(), random: FixedRandom())
        }
        var printed = ""
        for await text in terminal.writes {
            printed += text
            if printed.contains("Ctrl-C") { break }
        }
        let token = String(repeating: "ab", count: 16)
        #expect(printed.contains("token:    \(token)"))
        #expect(
            printed.contains(
                "FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN=\(token) bc-webhooks check --api-path http://127.0.0.1:"))
        let apiPath = try #require(
            printed.split(separator: "\n").first { $0.contains("API path:") }?.split(separator: " ").last)
        #expect(apiPath.hasPrefix("http://127.0.0.1:") && apiPath.hasSuffix("/stores/abc123/v3/"))

        var request = URLRequest(url: try #require(URL(string: apiPath + "hooks")))
        request.setValue(token, forHTTPHeaderField: "X-Auth-Token")
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        var logged = ""
        for await text in terminal.writes {
            logged += text
            if logged.contains("\n") { break }
        }
        #expect(logged == "GET /stores/abc123/v3/hooks → 200\n")

        task.cancel()
        #expect(try await task.value == .interrupted)
    }

    @Test func requestLogLineShowsMethodTargetAndStatusButNoHeadersOrBody() throws {
        let url = try #require(URL(string: "http://127.0.0.1:9/stores/abc/v3/hooks?page=2&limit=50"))
        let request = HTTPRequest(
            method: "PUT", url: url, headers: ["X-Auth-Token": "tok-SECRET-1"], body: Data("secret-BODY".utf8))
        let line = SandboxCommand.requestLogLine(request, reply: .response(HTTPResponse(status: 404)))
        #expect(line == "PUT /stores/abc/v3/hooks?page=2&limit=50 → 404")
        #expect(
            SandboxCommand.requestLogLine(request, reply: .lost) == "PUT /stores/abc/v3/hooks?page=2&limit=50 → lost")
    }

    @Test func badScopesStopBeforeListening() async throws {
        let terminal = SandboxTestTerminal()
        await #expect(throws: SandboxOptions.Invalid.self) {
            _ = try await SandboxCommand.run(
                options: SandboxOptions(port: 0, scopes: "bogus"), terminal: terminal, clock: SystemClock(),
                random: FixedRandom())
        }
        #expect(terminal.written.isEmpty)
    }
}
