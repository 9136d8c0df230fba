/// `rotate`: a new webhook secret — saved to the env file first, then pushed to every required hook, then verified.
struct RotateCommand: CommandRunner {
    /// Runs `rotate`. Interrupted or partly failed, running `rotate` or `sync` again converges.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let sources = try SettingsSources.load(invocation, context: context)
        let prompter = Prompter(invocation: invocation, context: context, console: console)
        let app = try sources.appURL(prompter: prompter)
        let connection = try StoreConnection.open(sources: sources, prompter: prompter, context: context)
        let envFile = EnvFilePath.display(sources.envFilePath, workingDirectory: context.workingDirectory)
        let newSecret = try SecretGenerator(random: context.random).make()
        let envFilePath = sources.envFilePath

        let hooks = try await ProgressIndicator.run("Listing the webhooks", console: console) {
            try await connection.client.listWebhooks()
        }
        let desired = DesiredWebhooks(app: app, secret: newSecret)
        let sync = WebhookSync(
            connection: connection, desired: desired, prune: false, dryRun: invocation.has("dry-run"),
            assumeYes: invocation.has("yes"), prompter: prompter, console: console,
            beforeApply: {
                try EnvFile.update([(key: EnvVariable.webhookSecret, value: newSecret)], path: envFilePath)
                console.info("Saved the new secret in \(envFile) (not shown) before changing any webhook.")
            })
        let result = try await sync.run(knownHooks: hooks)
        guard result.applied else {
            if console.isJSON { console.json(try result.json()) }
            if let failure = result.firstFailure {
                return try reportUnfinished(failure, envFile: envFile, console: console)
            }
            return .success
        }

        let verified = try await ProgressIndicator.run("Verifying", console: console) {
            WebhookMatch(hooks: try await connection.client.listWebhooks(), desired: desired)
        }
        if console.isJSON { console.json(try result.json()) }
        let stale = verified.required.filter { $0.status != .ok }
        guard stale.isEmpty else {
            let scopes = stale.map(\.scope).joined(separator: ", ")
            return try reportUnfinished(
                CommandFailure(.unavailable, "after the update, these webhooks do not carry the new secret: \(scopes)"),
                envFile: envFile, console: console)
        }
        console.result(console.style.green("✓") + " Every webhook now sends the new secret (verified).")
        console.info("Next: deploy \(envFile)'s new \(EnvVariable.webhookSecret) to the app and restart it.")
        console.info(
            "Until then the app refuses deliveries carrying the new secret; BigCommerce retries them for about 48 hours,"
        )
        console.info("so events are delayed, not lost. Then run 'bc-webhooks ping' to confirm.")
        return .success
    }

    /// Explains which hooks may still carry the old secret and how to finish, then fails with the error's code.
    private func reportUnfinished(_ failure: any UserFacingError, envFile: String, console: Console) throws -> ExitCode
    {
        console.error(failure)
        console.warn(
            "the env file \(envFile) already holds the new secret; webhooks not updated still send the old one. "
                + "Run 'bc-webhooks rotate' or 'bc-webhooks sync' again to finish.")
        return failure.exitCode == .success ? .failure : failure.exitCode
    }
}
