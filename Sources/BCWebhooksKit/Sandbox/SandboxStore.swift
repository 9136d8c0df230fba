import Foundation
import Synchronization

/// The simulated BigCommerce store: answers API requests like the real one, keeps its hooks, logs every request.
///
/// Routing uses the URL path only (`/stores/{hash}/v3/hooks…` and the `ScopeCatalog` probes); the host is ignored.
/// Order of checks: latency, quota (429), store hash (404), token (401), injected failures (5xx), the endpoint.
/// A duplicate scope + destination for the same client is refused with 409 (BigCommerce's code is unconfirmed).
public final class SandboxStore: Sendable {
    /// The store's behaviour.
    public let configuration: SandboxConfiguration
    private let stateFile: SandboxStateFile?
    private let inner: Mutex<Inner>

    private struct Inner {
        var state: SandboxState
        var limiter: SandboxRateLimiter
        var log: [SandboxRequestRecord] = []
        var fileData: Data?
    }

    /// BigCommerce's 401 title.
    public static let unauthorizedTitle =
        "Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store."

    /// Creates a store; when `statePath` is set and the file exists, its state is loaded (throws if unreadable).
    public init(configuration: SandboxConfiguration) throws {
        self.configuration = configuration
        let file = configuration.statePath.map { SandboxStateFile(path: $0) }
        stateFile = file
        var state = SandboxState()
        var data: Data?
        if let file, let loaded = try file.readData() {
            state = try file.decode(loaded)
            data = loaded
        }
        inner = Mutex(
            Inner(
                state: state, limiter: SandboxRateLimiter(quota: configuration.quota, windowMs: configuration.windowMs),
                fileData: data))
    }

    // MARK: - Serving

    /// Answers `request`; a lost response is answered as a 504 Gateway Timeout.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch await process(request) {
        case .response(let response):
            return response
        case .lost:
            return SandboxJSON.error(status: 504, title: "Gateway Timeout")
        }
    }

    /// Answers `request`, or reports that its response is lost (a write may have been applied).
    public func process(_ request: HTTPRequest) async -> SandboxReply {
        if configuration.latencyMs > 0 {
            try? await configuration.clock.sleep(seconds: Double(configuration.latencyMs) / 1000)
        }
        let now = configuration.clock.now()
        return inner.withLock { inner in respond(to: request, now: now, inner: &inner) }
    }

    private func respond(to request: HTTPRequest, now: Double, inner: inout Inner) -> SandboxReply {
        let method = request.method.uppercased()
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        // `URL.path` drops a trailing slash; the components keep it.
        let path = components?.path ?? request.url.path
        let query = components?.queryItems ?? []
        let isWrite = ["POST", "PUT", "PATCH", "DELETE"].contains(method)
        var applied = false
        var lost = false

        func finish(_ response: HTTPResponse, rateHeaders: [String: String]) -> SandboxReply {
            var response = response
            response.headers.merge(rateHeaders) { current, _ in current }
            inner.log.append(
                SandboxRequestRecord(
                    method: method, path: path, query: components?.percentEncodedQuery,
                    status: lost ? nil : response.status, isWrite: isWrite, applied: applied))
            return lost ? .lost : .response(response)
        }

        if let problem = refreshFromFile(&inner) {
            return finish(SandboxJSON.error(status: 500, title: problem), rateHeaders: [:])
        }
        let (allowed, rateHeaders) = inner.limiter.consume(now: now)
        guard allowed else {
            return finish(SandboxJSON.error(status: 429, title: "Too many requests"), rateHeaders: rateHeaders)
        }
        let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, parts[1] == "stores",
            let slash = parts[2].firstIndex(of: "/"),
            String(parts[2][..<slash]).lowercased() == configuration.storeHash.lowercased()
        else {
            return finish(SandboxJSON.error(status: 404, title: "Store not found"), rateHeaders: rateHeaders)
        }
        let rest = String(parts[2][slash...])

        let token = request.headers["x-auth-token"] ?? ""
        let expected = inner.state.token ?? configuration.token
        guard !token.isEmpty, expected.map({ $0 == token }) ?? true else {
            var response = SandboxJSON.error(status: 401, title: Self.unauthorizedTitle)
            response.headers["www-authenticate"] = "Basic realm=\"BigCommerce API\""
            return finish(response, rateHeaders: rateHeaders)
        }

        if var faults = inner.state.faults, !faults.failNext.isEmpty || (isWrite && !faults.failNextWrites.isEmpty) {
            let status = faults.failNext.isEmpty ? faults.failNextWrites.removeFirst() : faults.failNext.removeFirst()
            let previous = inner.state
            inner.state.faults = faults.isEmpty ? nil : faults
            if let problem = save(&inner, restoring: previous) {
                return finish(SandboxJSON.error(status: 500, title: problem), rateHeaders: rateHeaders)
            }
            return finish(injectedFailure(status), rateHeaders: rateHeaders)
        }
        if configuration.failRate > 0, configuration.randomUnit() < configuration.failRate {
            let statuses = [500, 502, 503]
            let pick = min(Int(configuration.randomUnit() * Double(statuses.count)), statuses.count - 1)
            return finish(injectedFailure(statuses[max(pick, 0)]), rateHeaders: rateHeaders)
        }

        if rest.count > 1, rest.hasSuffix("/") {
            // Reported behaviour of the real API: a trailing slash on a resource path yields 403.
            let response = SandboxJSON.error(
                status: 403, title: "Unauthorized Access. You do not have permission to make this request.")
            return finish(response, rateHeaders: rateHeaders)
        }

        let response: HTTPResponse
        if rest == "/v3/hooks" || rest.hasPrefix("/v3/hooks/") {
            let subpath = rest.dropFirst("/v3/hooks".count).split(separator: "/").map(String.init)
            let api = SandboxHooksAPI(
                storeHash: configuration.storeHash, clientID: configuration.clientID, now: configuration.unixTime())
            let previous = inner.state
            let result = api.handle(
                method: method, subpath: subpath, query: query, body: request.body, state: &inner.state)
            applied = result.applied
            response = result.response
            if applied {
                if var faults = inner.state.faults, faults.loseNextWrites > 0 {
                    faults.loseNextWrites -= 1
                    inner.state.faults = faults.isEmpty ? nil : faults
                    lost = true
                } else if configuration.lostResponseRate > 0,
                    configuration.randomUnit() < configuration.lostResponseRate
                {
                    lost = true
                }
                if let problem = save(&inner, restoring: previous) {
                    applied = false
                    lost = false
                    return finish(SandboxJSON.error(status: 500, title: problem), rateHeaders: rateHeaders)
                }
            }
        } else if let scope = SandboxProbes.scope(forPath: rest) {
            let granted = inner.state.grantedScopes.map { Set($0) } ?? configuration.grantedScopes
            response = SandboxProbes.response(method: method, path: rest, scope: scope, granted: granted)
        } else {
            response = SandboxJSON.error(status: 404, title: "Not Found")
        }
        return finish(response, rateHeaders: rateHeaders)
    }

    private func injectedFailure(_ status: Int) -> HTTPResponse {
        let titles = [
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return SandboxJSON.error(status: status, title: titles[status] ?? "Simulated failure")
    }

    // MARK: - Persistence

    /// Reloads the state when the file changed on disk; returns a problem description when it cannot be read.
    private func refreshFromFile(_ inner: inout Inner) -> String? {
        guard let stateFile else { return nil }
        do {
            let data = try stateFile.readData()
            guard data != inner.fileData else { return nil }
            inner.state = try data.map { try stateFile.decode($0) } ?? SandboxState()
            inner.fileData = data
            return nil
        } catch let failure as SandboxStateFile.Failure {
            return failure.message
        } catch {
            return "the sandbox state file cannot be read"
        }
    }

    /// Saves the state to the file; on failure restores `previous` and returns a problem description.
    private func save(_ inner: inout Inner, restoring previous: SandboxState) -> String? {
        guard let stateFile else { return nil }
        do {
            inner.fileData = try stateFile.save(inner.state)
            return nil
        } catch {
            inner.state = previous
            return "the sandbox could not save its state file"
        }
    }

    // MARK: - Test control

    /// The store's current state (re-read from the state file when it changed).
    public var state: SandboxState {
        inner.withLock { inner in
            _ = refreshFromFile(&inner)
            return inner.state
        }
    }

    /// Every request received so far, oldest first.
    public var requestLog: [SandboxRequestRecord] {
        inner.withLock { $0.log }
    }

    /// Forgets the logged requests.
    public func clearRequestLog() {
        inner.withLock { $0.log.removeAll() }
    }

    /// Changes the state with `change` and saves it; throws when the state file cannot be written.
    public func modifyState(_ change: (inout SandboxState) -> Void) throws {
        let problem: String? = inner.withLock { inner in
            _ = refreshFromFile(&inner)
            let previous = inner.state
            change(&inner.state)
            return save(&inner, restoring: previous)
        }
        if let problem {
            throw SandboxStateFile.Failure(
                message: problem, hint: "check that its folder is writable", exitCode: .cannotWrite)
        }
    }

    /// Adds `hook` as is (e.g. one of another client, or a pre-existing one) and moves `next_id` past it.
    public func insertHook(_ hook: Webhook) throws {
        try modifyState { state in
            state.hooks.append(hook)
            state.nextID = max(state.nextID, hook.id + 1)
        }
    }

    /// Turns a hook off, as BigCommerce does after failed deliveries.
    public func deactivate(hookID: Int) throws {
        try modifyState { state in
            for index in state.hooks.indices where state.hooks[index].id == hookID {
                state.hooks[index].isActive = false
            }
        }
    }

    /// Replaces a hook's delivery headers.
    public func setHeaders(hookID: Int, _ headers: [String: String]?) throws {
        try modifyState { state in
            for index in state.hooks.indices where state.hooks[index].id == hookID {
                state.hooks[index].headers = headers
            }
        }
    }

    /// Removes a hook, as if deleted elsewhere.
    public func deleteHook(id: Int) throws {
        try modifyState { state in state.hooks.removeAll { $0.id == id } }
    }

    /// Makes the next requests fail with `statuses`, one each, before anything is applied.
    public func failNext(_ statuses: [Int]) throws {
        try modifyState { state in
            var faults = state.faults ?? SandboxFaults()
            faults.failNext += statuses
            state.faults = faults
        }
    }

    /// Makes the next `count` writes apply but lose their response.
    public func loseNextWrites(_ count: Int) throws {
        try modifyState { state in
            var faults = state.faults ?? SandboxFaults()
            faults.loseNextWrites += count
            state.faults = faults
        }
    }
}
