import Foundation

/// `bc-webhooks sandbox`: serves a simulated store on loopback until cancelled (Ctrl-C).
public enum SandboxCommand {
    /// Starts the server, prints the API path, token and an example, then serves until the task is cancelled;
    /// returns `.interrupted` then. The sandbox token is not a real secret: printing it is the documented exception.
    public static func run(
        options: SandboxOptions, terminal: any Terminal, clock: any Clock, random: any RandomSource
    ) async throws -> ExitCode {
        let token = try options.token ?? SecretGenerator(random: random).make(byteCount: 16)
        let store = try SandboxStore(configuration: options.configuration(token: token, clock: clock))
        let server = SandboxHTTPServer(port: UInt16(options.port)) { request in
            let reply = await store.process(request)
            terminal.write(requestLogLine(request, reply: reply) + "\n")
            return reply
        }
        let port = try server.start()
        defer { server.stop() }
        let apiPath = "http://127.0.0.1:\(port)/stores/\(options.storeHash)/v3/"
        var text = "Sandbox BigCommerce store listening on 127.0.0.1:\(port)\n"
        text += "  API path: \(apiPath)\n"
        text += "  token:    \(token)\n"
        if let statePath = options.statePath { text += "  state:    \(statePath)\n" }
        text += "Try it in another terminal:\n"
        text += "  FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN=\(token) bc-webhooks check --api-path \(apiPath)\n"
        text += "Press Ctrl-C to stop. Each request is shown below as it arrives.\n"
        terminal.write(text)
        await waitForCancellation()
        return .interrupted
    }

    /// One request as the sandbox shows it: method, path and query, and the status (`lost` for a dropped
    /// response), e.g. `GET /stores/abc/v3/hooks?page=1 → 200`. Never headers or body: no token is shown.
    static func requestLogLine(_ request: HTTPRequest, reply: SandboxReply) -> String {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        var target = components?.percentEncodedPath ?? ""
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        let outcome: String
        switch reply {
        case .response(let response): outcome = String(response.status)
        case .lost: outcome = "lost"
        }
        return "\(request.method) \(target) → \(outcome)"
    }

    /// Suspends until the current task is cancelled.
    static func waitForCancellation() async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 3_600_000_000_000)
        }
    }
}
