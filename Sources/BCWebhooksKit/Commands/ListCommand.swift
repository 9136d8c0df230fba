/// `list`: the webhooks this API account sees, as a table or `--json`, header values redacted.
struct ListCommand: CommandRunner {
    /// Runs `list`.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let sources = try SettingsSources.load(invocation, context: context)
        let prompter = Prompter(invocation: invocation, context: context, console: console)
        let connection = try StoreConnection.open(sources: sources, prompter: prompter, context: context)
        let showSecrets = invocation.has("show-secrets")
        let hooks = try await connection.client.listWebhooks().sorted { $0.id < $1.id }
        let shown = hooks.map { hook in
            ListedWebhook(
                id: hook.id, scope: hook.scope, destination: hook.destination, isActive: hook.isActive,
                headers: (hook.headers ?? [:]).mapValues { showSecrets ? $0 : SecretRedaction.redact($0) })
        }
        if console.isJSON {
            console.json(try JSONOutput.encode(["webhooks": shown]))
            return .success
        }
        guard !shown.isEmpty else {
            console.result("No webhooks on store \(connection.location.storeHash) for this API account.")
            return .success
        }
        let rows =
            [["ID", "SCOPE", "DESTINATION", "ACTIVE", "HEADERS"]]
            + shown.map { hook in
                [
                    String(hook.id), hook.scope, hook.destination, hook.isActive ? "yes" : "no",
                    hook.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "),
                ]
            }
        for line in TextTable.render(rows) { console.result(line) }
        return .success
    }
}

/// One webhook as `list` shows it (the `list --json` shape of CLI.md).
struct ListedWebhook: Encodable {
    /// The hook's id.
    let id: Int
    /// Its scope.
    let scope: String
    /// Its destination.
    let destination: String
    /// Whether it is active.
    let isActive: Bool
    /// Its headers, values redacted unless `--show-secrets`.
    let headers: [String: String]

    enum CodingKeys: String, CodingKey {
        case id, scope, destination, headers
        case isActive = "is_active"
    }
}
