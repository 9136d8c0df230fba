import Foundation

/// `env NAME`: writes `.env.NAME` for a new environment from the template, with fresh secrets, then offers to
/// create its webhooks.
struct EnvCommand: CommandRunner {
    /// Runs `env`.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let name = invocation.positionals.first ?? ""
        guard name.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
            throw ArgumentParser.UsageError(
                message: "'\(name)' is not an environment name",
                hint: "use letters, digits, '.', '_' or '-', e.g. staging")
        }
        let path = EnvFilePath.absolute(
            invocation.value("env-file") ?? ".env.\(name)", workingDirectory: context.workingDirectory)
        let shown = EnvFilePath.display(path, workingDirectory: context.workingDirectory)
        if FileManager.default.fileExists(atPath: path) && !invocation.has("force") {
            throw CommandFailure(
                .cannotWrite, "\(shown) already exists; it was left untouched",
                hint: "pass --force to replace it, or choose another name")
        }
        let template = try loadTemplate(invocation, context: context)
        let sources = try SettingsSources.load(invocation, context: context, envFilePath: path, readsEnvFile: false)
        let prompter = Prompter(invocation: invocation, context: context, console: console)
        let filled = try EnvironmentValues.resolve(
            template: template, sources: sources, prompter: prompter, context: context)

        var document = DotEnvDocument(text: template.text)
        for (key, value) in filled.values { try document.set(value, forKey: key) }
        if invocation.has("dry-run") {
            console.info("Dry run: would write \(shown) with \(filled.values.count) values; nothing was written.")
            return .success
        }
        try EnvFile.save(document, path: path)
        if let warning = GitIgnoreCheck.warning(forEnvFile: path) { console.warn(warning) }
        console.result(console.style.green("✓") + " Wrote \(shown) (readable by you only).")
        console.info("  generated: " + filled.generatedKeys.joined(separator: ", "))

        var syncNow = invocation.has("yes")
        if !syncNow && prompter.canAsk {
            syncNow = try prompter.confirm("Create this environment's webhooks now (sync)?", default: true)
        }
        guard syncNow else {
            console.info("Next: bc-webhooks sync --env-file \(shown)")
            return .success
        }
        let connection =
            invocation.has("sandbox")
            ? try StoreConnection.inProcessSandbox(sources: sources, context: context)
            : StoreConnection.connect(
                location: filled.location, token: filled.token, sources: sources, context: context)
        let sync = WebhookSync(
            connection: connection, desired: DesiredWebhooks(app: filled.app, secret: filled.webhookSecret),
            prune: false,
            dryRun: false, assumeYes: invocation.has("yes"), prompter: prompter, console: console)
        let result = try await sync.run()
        if let failure = result.firstFailure { throw failure }
        return .success
    }

    private func loadTemplate(_ invocation: Invocation, context: CommandContext) throws -> EnvTemplate {
        guard let given = invocation.value("template") else { return try EnvTemplate.builtIn }
        let path = EnvFilePath.absolute(given, workingDirectory: context.workingDirectory)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw CommandFailure(
                .dataError, "cannot read the template \(given)", hint: "check the path given to --template")
        }
        return try EnvTemplate.parse(text)
    }
}
