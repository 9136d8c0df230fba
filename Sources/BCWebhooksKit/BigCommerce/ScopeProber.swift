import Foundation

/// Checks the token in one round: `GET /v3/hooks` (proves the token and store hash go together, and lists the
/// hooks) and the probe of every required scope, all in flight together.
public struct ScopeProber: Sendable {
    /// The client the probes go through.
    public let client: BigCommerceClient
    /// The scopes to probe.
    public let scopes: [RequiredScope]
    private let makeUUID: @Sendable () -> UUID

    /// Creates a prober; `makeUUID` supplies the made-up ids of `{uuid}` probes.
    public init(
        client: BigCommerceClient, scopes: [RequiredScope] = ScopeCatalog.all,
        makeUUID: @escaping @Sendable () -> UUID = { UUID() }
    ) {
        self.client = client
        self.scopes = scopes
        self.makeUUID = makeUUID
    }

    /// Lists the hooks and probes every scope; throws `tokenRejected` on a 401 and any failure to list the hooks.
    public func probe() async throws -> ScopeReport {
        try await withThrowingTaskGroup(of: Finding.self) { group in
            group.addTask { .hooks(try await client.listWebhooks()) }
            for (index, scope) in scopes.enumerated() {
                group.addTask { .scope(index, try await status(of: scope)) }
            }
            var hooks: [Webhook] = []
            var statuses = [ScopeStatus](repeating: .unknown("not probed"), count: scopes.count)
            for try await finding in group {
                switch finding {
                case .hooks(let listed): hooks = listed
                case .scope(let index, let status): statuses[index] = status
                }
            }
            return ScopeReport(
                hooks: hooks, scopes: zip(scopes, statuses).map { ScopeResult(scope: $0, status: $1) })
        }
    }

    /// Probes one scope; only a rejected token (or cancellation) is thrown, every other failure is `unknown`.
    private func status(of scope: RequiredScope) async throws -> ScopeStatus {
        let path = scope.probePath.replacingOccurrences(of: "{uuid}", with: makeUUID().uuidString.lowercased())
        let response: HTTPResponse
        do {
            response = try await client.get(path: path)
        } catch let error as BigCommerceError {
            if case .tokenRejected = error { throw error }
            return .unknown(error.message)
        }
        switch response.status {
        case 200...299: return .granted
        case 404 where scope.notFoundMeansGranted: return .granted
        case 403: return .missing
        default: return .unknown("the probe GET \(scope.probePath) answered HTTP \(response.status)")
        }
    }

    /// What one child task of the probing round found.
    private enum Finding: Sendable {
        /// The hooks listed.
        case hooks([Webhook])
        /// The status of the scope at this index.
        case scope(Int, ScopeStatus)
    }
}
