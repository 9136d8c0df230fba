/// The flags of `bc-webhooks sandbox` (CLI.md), as given on the command line.
public struct SandboxOptions: Sendable, Equatable {
    /// The port to listen on (`--port`); 0 picks a free one.
    public var port: Int
    /// The store hash to serve (`--store-hash`).
    public var storeHash: String
    /// The token to accept (`--token`); a random one when `nil`.
    public var token: String?
    /// The granted scopes (`--scopes`): `all`, `none`, or a comma list of OAuth or control-panel names.
    public var scopes: String
    /// Milliseconds of latency per request (`--latency-ms`).
    public var latencyMs: Int
    /// Probability of a random 5xx per request, 0…1 (`--fail-rate`).
    public var failRate: Double
    /// The state file (`--state`); in memory only when `nil`.
    public var statePath: String?

    /// The port used when `--port` is not given.
    public static let defaultPort = 8787

    /// A usage error in the sandbox's flags (exit 64).
    public struct Invalid: UserFacingError, Equatable {
        /// What is wrong.
        public let message: String
        /// What to do.
        public let hint: String
        /// Always 64.
        public var exitCode: ExitCode { .usage }
    }

    /// Creates options; the defaults are those of a bare `bc-webhooks sandbox`.
    public init(
        port: Int = SandboxOptions.defaultPort, storeHash: String = SandboxConfiguration.defaultStoreHash,
        token: String? = nil, scopes: String = "all", latencyMs: Int = 0, failRate: Double = 0,
        statePath: String? = nil
    ) {
        self.port = port
        self.storeHash = storeHash
        self.token = token
        self.scopes = scopes
        self.latencyMs = latencyMs
        self.failRate = failRate
        self.statePath = statePath
    }

    /// The OAuth names `--scopes` grants: `all`, `none`, or a comma list of OAuth or control-panel names
    /// (case-insensitive); an unknown name is a usage error naming it.
    public static func parseScopes(_ text: String) throws(Invalid) -> Set<String> {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "all" { return Set(ScopeCatalog.all.map(\.oauthName)) }
        if trimmed == "none" || trimmed.isEmpty { return [] }
        var granted = Set<String>()
        for item in text.split(separator: ",") {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            guard
                let scope = ScopeCatalog.all.first(where: {
                    $0.oauthName.lowercased() == name.lowercased()
                        || $0.controlPanelName.lowercased() == name.lowercased()
                })
            else {
                throw Invalid(
                    message: "unknown scope \"\(name)\" in --scopes",
                    hint: "use all, none, or a comma list of: "
                        + ScopeCatalog.all.map(\.oauthName).joined(separator: ", "))
            }
            granted.insert(scope.oauthName)
        }
        return granted
    }

    /// Checks every value and builds the store's configuration around `token`.
    public func configuration(token: String, clock: any Clock) throws(Invalid) -> SandboxConfiguration {
        guard (0...65_535).contains(port) else {
            throw Invalid(message: "--port must be between 0 and 65535", hint: "use --port 0 to pick a free port")
        }
        guard (1...32).contains(storeHash.count),
            storeHash.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) })
        else {
            throw Invalid(message: "--store-hash must be 1 to 32 lowercase letters or digits", hint: "e.g. abc123")
        }
        guard !token.isEmpty, !token.contains(where: { $0.isWhitespace }) else {
            throw Invalid(message: "--token must be non-empty and without spaces", hint: "")
        }
        guard latencyMs >= 0, latencyMs <= 600_000 else {
            throw Invalid(message: "--latency-ms must be between 0 and 600000", hint: "")
        }
        guard failRate >= 0, failRate <= 1 else {
            throw Invalid(message: "--fail-rate must be between 0 and 1", hint: "e.g. --fail-rate 0.2")
        }
        return SandboxConfiguration(
            storeHash: storeHash, token: token, grantedScopes: try Self.parseScopes(scopes), latencyMs: latencyMs,
            failRate: failRate, statePath: statePath, clock: clock)
    }
}
