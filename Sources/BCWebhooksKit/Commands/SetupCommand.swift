import Foundation

/// `setup`: the step-by-step wizard — secret, env file, store, token, scopes, app URL, webhooks.
struct SetupCommand: CommandRunner {
    /// The wizard's steps, in order, for the `Step N/7` headings.
    private static let steps = [
        "Webhook secret", "Env file", "Store", "Access token", "Token scopes", "App URL", "Webhooks",
    ]

    /// The order new variables are appended in, as Front-Commerce's docs list them.
    private static let writeOrder = [
        EnvVariable.appURL, EnvVariable.endpoint, EnvVariable.storeHash, EnvVariable.authToken, EnvVariable.clientID,
        EnvVariable.clientSecret, EnvVariable.webhookSecret,
    ]

    /// Runs the wizard; every prompt has a flag or variable twin, so it also runs with `--no-input --yes`.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        var sources = try SettingsSources.load(invocation, context: context)
        let prompter = Prompter(invocation: invocation, context: context, console: console)
        let isSandbox = invocation.has("sandbox")
        let dryRun = invocation.has("dry-run")
        let envFile = EnvFilePath.display(sources.envFilePath, workingDirectory: context.workingDirectory)
        let heading = { (index: Int, detail: String) in
            console.info(
                console.style.bold("Step \(index + 1)/\(Self.steps.count) · \(Self.steps[index])") + " — " + detail)
        }
        if isSandbox { console.info("Using the built-in sandbox store: nothing is sent to BigCommerce.") }

        heading(0, "the shared secret BigCommerce sends with every delivery")
        let secret = try chooseSecret(sources: sources, prompter: prompter, context: context, console: console)

        heading(1, envFile)
        if let warning = GitIgnoreCheck.warning(forEnvFile: sources.envFilePath) { console.warn(warning) }
        try save([EnvVariable.webhookSecret: secret], to: sources.envFilePath, dryRun: dryRun, console: console)
        console.info("  " + (dryRun ? "would save" : "saved") + " \(EnvVariable.webhookSecret) in \(envFile)")

        heading(2, "which BigCommerce store")
        let connection: StoreConnection
        if isSandbox {
            connection = try StoreConnection.inProcessSandbox(sources: sources, context: context)
            console.info("  sandbox store \(connection.location.storeHash)")
            heading(3, "not needed for the sandbox")
        } else {
            let location =
                try sources.storeLocation() ?? askForStore(prompter: prompter, sources: &sources, context: context)
            console.info("  store \(location.storeHash) (\(location.endpointValue))")
            heading(3, "the API account's ACCESS TOKEN (read-only scopes)")
            let token = try sources.token ?? StoreConnection.askForToken(prompter, location: location)
            connection = StoreConnection.connect(location: location, token: token, sources: sources, context: context)
        }

        heading(4, "checking the token and what it may read")
        let report = try await ProgressIndicator.run("Checking the token and its scopes", console: console) {
            try await ScopeProber(client: connection.client).probe()
        }
        showScopes(report, console: console)
        if let missing = report.missingScopesError {
            if invocation.has("skip-scope-check") {
                console.warn("going on without the missing scopes (--skip-scope-check): the app will fail to read them")
            } else {
                throw missing
            }
        }

        heading(5, "where BigCommerce delivers the events")
        let app = try sources.appURL(prompter: prompter)
        console.info("  deliveries go to \(app.destination())")
        try save(
            envValues(connection: connection, sources: sources, app: app, secret: secret), to: sources.envFilePath,
            dryRun: dryRun, console: console)
        console.info("  " + (dryRun ? "would save" : "saved") + " the store, token and app URL in \(envFile)")

        heading(6, "the \(WebhookManifest.builtIn.hooks.count) webhooks Front-Commerce needs")
        let sync = WebhookSync(
            connection: connection, desired: DesiredWebhooks(app: app, secret: secret), prune: false, dryRun: dryRun,
            assumeYes: invocation.has("yes"), prompter: prompter, console: console)
        let result = try await sync.run(knownHooks: report.hooks)
        if console.isJSON { console.json(try result.json()) }
        if let failure = result.firstFailure { throw failure }
        if !dryRun { summarize(connection: connection, app: app, envFile: envFile, console: console) }
        return .success
    }

    /// Keeps the env file's secret (asking first on a terminal) or generates a new one with OpenSSL.
    private func chooseSecret(sources: SettingsSources, prompter: Prompter, context: CommandContext, console: Console)
        throws -> String
    {
        if let existing = sources.webhookSecret {
            let keep =
                prompter.canAsk
                ? try prompter.confirm(
                    "A webhook secret is already set. Keep it? ('bc-webhooks rotate' replaces it safely)", default: true
                )
                : true
            if keep {
                console.info("  keeping the existing secret")
                return existing
            }
        }
        let secret = try SecretGenerator(random: context.random).make()
        console.info("  generated a new \(SecretGenerator.defaultByteCount)-byte secret with OpenSSL (not shown)")
        return secret
    }

    /// Asks for the store: an API path, control-panel URL, hash, or the path of BigCommerce's credentials file
    /// (which also fills the token, client id and client secret).
    private func askForStore(prompter: Prompter, sources: inout SettingsSources, context: CommandContext) throws
        -> StoreLocation
    {
        guard prompter.canAsk else { return try StoreConnection.askForLocation(prompter) }
        var credentials: CredentialsFile?
        let location = try prompter.ask("API path, control-panel URL, store hash, or credentials .txt file") { answer in
            let path = EnvFilePath.absolute(answer, workingDirectory: context.workingDirectory)
            if answer.hasSuffix(".txt") || FileManager.default.fileExists(atPath: path) {
                let file = try CredentialsFile.read(path: path)
                guard let location = try file.storeLocation() else {
                    throw CommandFailure(
                        .dataError, "the credentials file has no API PATH", hint: "type the API path instead")
                }
                credentials = file
                return location
            }
            return try StoreLocation.parse(answer)
        }
        if let credentials { sources = sources.with(credentials: credentials) }
        return location
    }

    /// The values setup writes: the app URL, store, token, client id and secret when known, and the webhook secret.
    private func envValues(connection: StoreConnection, sources: SettingsSources, app: AppURL, secret: String)
        -> [String: String]
    {
        var values = [
            EnvVariable.appURL: app.base,
            EnvVariable.endpoint: connection.location.endpointValue,
            EnvVariable.storeHash: connection.location.storeHash,
            EnvVariable.authToken: connection.token,
            EnvVariable.webhookSecret: secret,
        ]
        values.merge(sources.clientCredentials) { current, _ in current }
        return values
    }

    private func save(_ values: [String: String], to path: String, dryRun: Bool, console: Console) throws {
        guard !dryRun else { return }
        let order = Self.writeOrder
        let ordered = values.sorted {
            (order.firstIndex(of: $0.key) ?? order.count) < (order.firstIndex(of: $1.key) ?? order.count)
        }
        let warnings = try EnvFile.update(ordered.map { (key: $0.key, value: $0.value) }, path: path)
        for warning in warnings { console.warn(warning.message) }
    }

    private func showScopes(_ report: ScopeReport, console: Console) {
        let style = console.style
        for result in report.scopes {
            let mark: String =
                switch result.status {
                case .granted: style.green("✓")
                case .missing: result.scope.isUnreliable ? style.yellow("?") : style.red("✗")
                case .unknown: style.yellow("?")
                }
            console.info("  \(mark) \(result.scope.controlPanelName): \(result.advice)")
        }
    }

    private func summarize(connection: StoreConnection, app: AppURL, envFile: String, console: Console) {
        console.result(
            console.style.green("✓ Done.")
                + " Store \(connection.location.storeHash) sends category, product and SKU events to \(app.destination())."
        )
        console.info("Next steps:")
        console.info("  1. Restart or redeploy the app so it reads \(EnvVariable.webhookSecret) from \(envFile).")
        console.info("  2. Run 'bc-webhooks ping' to prove the app accepts deliveries (and refuses a wrong secret).")
        console.info("  3. Run 'bc-webhooks check' any time to verify the setup.")
    }
}
