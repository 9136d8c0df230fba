/// The values of a new environment's env file: generated secrets, and the required values taken from flags,
/// variables or prompts — all resolved and validated before anything is written.
struct EnvironmentValues: Sendable {
    /// Every value to set, by key, in template order.
    let values: [(key: String, value: String)]
    /// The keys that got a fresh random value.
    let generatedKeys: [String]
    /// The store.
    let location: StoreLocation
    /// The access token.
    let token: String
    /// The app.
    let app: AppURL
    /// The new webhook secret.
    let webhookSecret: String

    /// Fills `template`'s marked keys; a missing required value is asked for, or a usage error with `--no-input`.
    static func resolve(template: EnvTemplate, sources: SettingsSources, prompter: Prompter, context: CommandContext)
        throws -> EnvironmentValues
    {
        let isSandbox = sources.invocation.has("sandbox")
        let app = try sources.appURL(prompter: prompter)
        let location: StoreLocation
        let token: String
        if isSandbox {
            location = try StoreConnection.sandboxLocation()
            token = StoreConnection.sandboxToken
        } else {
            location = try sources.storeLocation() ?? StoreConnection.askForLocation(prompter)
            token = try sources.token ?? StoreConnection.askForToken(prompter, location: location)
        }
        var known = [
            EnvVariable.appURL: app.base,
            EnvVariable.endpoint: location.endpointValue,
            EnvVariable.storeHash: location.storeHash,
            EnvVariable.authToken: token,
        ]
        known.merge(sources.clientCredentials) { current, _ in current }
        var values: [(key: String, value: String)] = []
        var generated: [String] = []
        let generator = SecretGenerator(random: context.random)
        for (key, marker) in template.markers {
            switch marker {
            case .generated(let format, let bytes):
                values.append((key, try generator.make(byteCount: bytes, format: format)))
                generated.append(key)
            case .required(let flag):
                let value = try known[key] ?? other(key, flag: flag, sources: sources, prompter: prompter)
                values.append((key, value))
            }
        }
        for key in [EnvVariable.clientID, EnvVariable.clientSecret] where !values.contains(where: { $0.key == key }) {
            if let value = known[key] { values.append((key, value)) }
        }
        let secret: String
        if let templated = values.first(where: { $0.key == EnvVariable.webhookSecret })?.value {
            secret = templated
        } else {
            secret = try generator.make()
            values.append((EnvVariable.webhookSecret, secret))
            generated.append(EnvVariable.webhookSecret)
        }
        return EnvironmentValues(
            values: values, generatedKeys: generated, location: location, token: token, app: app, webhookSecret: secret)
    }

    /// A required key the tool has no built-in source for: its variable, else a prompt.
    private static func other(_ key: String, flag: String, sources: SettingsSources, prompter: Prompter) throws
        -> String
    {
        if let value = sources.lookup(variable: key) { return value }
        guard prompter.canAsk else {
            throw CommandFailure(
                .usage, "no value for \(key)", hint: "set \(key) in the environment (or pass --\(flag))")
        }
        return try prompter.ask("Value for \(key)") { answer in
            guard !answer.isEmpty else { throw CommandFailure(.usage, "a value is required") }
            return answer
        }
    }
}
