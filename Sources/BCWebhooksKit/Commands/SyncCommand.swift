/// `sync`: makes the store's webhooks match what the app needs.
struct SyncCommand: CommandRunner {
    /// Runs `sync`.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let sources = try SettingsSources.load(invocation, context: context)
        let prompter = Prompter(invocation: invocation, context: context, console: console)
        let app = try sources.appURL(prompter: prompter)
        guard let secret = sources.webhookSecret else {
            throw sources.missingWebhookSecret(workingDirectory: context.workingDirectory)
        }
        let connection = try StoreConnection.open(sources: sources, prompter: prompter, context: context)
        let sync = WebhookSync(
            connection: connection, desired: DesiredWebhooks(app: app, secret: secret), prune: invocation.has("prune"),
            dryRun: invocation.has("dry-run"), assumeYes: invocation.has("yes"), prompter: prompter, console: console)
        let result = try await sync.run()
        if console.isJSON { console.json(try result.json()) }
        if let failure = result.firstFailure { throw failure }
        return .success
    }
}
