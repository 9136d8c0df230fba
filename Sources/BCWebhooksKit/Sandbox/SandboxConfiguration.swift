import Foundation

/// How a simulated store behaves: identity, credentials, granted scopes, latency, faults, quota and persistence.
public struct SandboxConfiguration: Sendable {
    /// The store hash served under `/stores/{hash}/v3`; any other hash is a 404.
    public var storeHash: String
    /// The access token the store accepts; `nil` accepts any non-empty token.
    public var token: String?
    /// The client id of the API account the token belongs to; hooks are visible only to it.
    public var clientID: String
    /// The OAuth names of the granted scopes (`ScopeCatalog` names); probes of other scopes get 403.
    public var grantedScopes: Set<String>
    /// Milliseconds waited (on `clock`) before each response.
    public var latencyMs: Int
    /// Probability (0…1) that a request fails with 500/502/503 before it is applied.
    public var failRate: Double
    /// Probability (0…1) that a write is applied but its response is lost.
    public var lostResponseRate: Double
    /// Requests allowed per rate-limit window.
    public var quota: Int
    /// The rate-limit window, in milliseconds.
    public var windowMs: Int
    /// The JSON file the store's state is loaded from and saved to after every write; `nil` keeps it in memory.
    public var statePath: String?
    /// Time for latency and the rate-limit window.
    public var clock: any Clock
    /// Wall-clock Unix seconds, for `created_at` and `updated_at`.
    public var unixTime: @Sendable () -> Int
    /// A uniform random number in `0..<1`, for failure injection; inject a fixed sequence for deterministic tests.
    public var randomUnit: @Sendable () -> Double

    /// The default store hash.
    public static let defaultStoreHash = "sandbox1"
    /// The default client id.
    public static let defaultClientID = "sandboxclient0000000000000000001"

    /// Creates a configuration; by default every required scope is granted and nothing fails.
    public init(
        storeHash: String = SandboxConfiguration.defaultStoreHash,
        token: String? = nil,
        clientID: String = SandboxConfiguration.defaultClientID,
        grantedScopes: Set<String> = Set(ScopeCatalog.all.map(\.oauthName)),
        latencyMs: Int = 0,
        failRate: Double = 0,
        lostResponseRate: Double = 0,
        quota: Int = 150,
        windowMs: Int = 30_000,
        statePath: String? = nil,
        clock: any Clock = SystemClock(),
        unixTime: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) },
        randomUnit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.storeHash = storeHash
        self.token = token
        self.clientID = clientID
        self.grantedScopes = grantedScopes
        self.latencyMs = latencyMs
        self.failRate = failRate
        self.lostResponseRate = lostResponseRate
        self.quota = quota
        self.windowMs = windowMs
        self.statePath = statePath
        self.clock = clock
        self.unixTime = unixTime
        self.randomUnit = randomUnit
    }
}
