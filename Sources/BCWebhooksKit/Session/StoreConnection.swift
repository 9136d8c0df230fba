/// A ready client for one store — BigCommerce, a sandbox server on loopback, or the in-process sandbox —
/// with the location and credentials it was made from.
public struct StoreConnection: Sendable {
    /// Where the store is.
    public let location: StoreLocation
    /// The access token (never printed).
    let token: String
    /// The client, with retries, rate limiting and `--verbose` logging.
    public let client: BigCommerceClient

    /// The token the in-process sandbox accepts; not a secret.
    public static let sandboxToken = "sandbox-token"

    /// Connects to the store the sources name, asking for the store and token when they are missing and a
    /// person can answer; otherwise a missing value is a usage error naming its flag and variable.
    /// Every value is validated before any request is sent.
    public static func open(
        sources: SettingsSources, prompter: Prompter, context: CommandContext
    ) throws -> StoreConnection {
        if sources.invocation.has("sandbox") {
            return try inProcessSandbox(sources: sources, context: context)
        }
        let location = try sources.storeLocation() ?? askForLocation(prompter)
        let token = try sources.token ?? askForToken(prompter, location: location)
        return connect(location: location, token: token, sources: sources, context: context)
    }

    /// A connection to the store at `location` with `token`, over the context's transport.
    static func connect(
        location: StoreLocation, token: String, sources: SettingsSources, context: CommandContext,
        transport: (any HTTPTransport)? = nil
    ) -> StoreConnection {
        let logger: any RequestLogger =
            sources.invocation.has("verbose")
            ? TerminalRequestLogger(terminal: context.terminal) : SilentRequestLogger()
        let client = BigCommerceClient(
            location: location, token: token, transport: transport ?? context.transport, clock: context.clock,
            logger: logger)
        return StoreConnection(location: location, token: token, client: client)
    }

    /// Where the in-process sandbox store is: a loopback address that is never contacted.
    static func sandboxLocation() throws -> StoreLocation {
        try StoreLocation.parse("http://localhost/stores/\(SandboxConfiguration.defaultStoreHash)/v3/")
    }

    /// The in-process simulated store, its state kept beside the env file.
    static func inProcessSandbox(sources: SettingsSources, context: CommandContext) throws -> StoreConnection {
        let configuration = SandboxConfiguration(
            token: sandboxToken, statePath: SandboxStateFile.path(besideEnvFile: sources.envFilePath),
            clock: context.clock)
        let store = try SandboxStore(configuration: configuration)
        return connect(
            location: try sandboxLocation(), token: sandboxToken, sources: sources, context: context,
            transport: SandboxTransport(store: store))
    }

    static func askForLocation(_ prompter: Prompter) throws -> StoreLocation {
        guard prompter.canAsk else {
            throw CommandFailure(
                .usage, "no store given",
                hint: "pass --api-path URL (or --store-hash HASH, or --credentials-file PATH), "
                    + "or set \(EnvVariable.endpoint)")
        }
        return try prompter.ask("Store API path, control-panel URL or store hash") { try StoreLocation.parse($0) }
    }

    static func askForToken(_ prompter: Prompter, location: StoreLocation) throws -> String {
        guard prompter.canAsk else {
            throw CommandFailure(
                .usage, "no access token given",
                hint: "pipe it to --token-stdin, pass --credentials-file PATH, or set \(EnvVariable.authToken)")
        }
        return try prompter.ask("Access token for store \(location.storeHash) (hidden)", hidden: true) { answer in
            guard !answer.isEmpty, !answer.contains(where: \.isWhitespace) else {
                throw CommandFailure(.usage, "the access token is one word without spaces")
            }
            return answer
        }
    }
}
