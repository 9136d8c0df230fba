/// `check`: a read-only health check of the credentials, token scopes, webhooks and env file.
struct CheckCommand: CommandRunner {
    /// Runs `check`: exit 0 healthy, 2 problems, 77 token rejected, 69 unreachable.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let sources = try SettingsSources.load(invocation, context: context)
        let prompter = Prompter(invocation: invocation, context: context, console: console)
        let connection = try StoreConnection.open(sources: sources, prompter: prompter, context: context)
        let app = try sources.appURL(prompter: prompter)
        let displayPath = EnvFilePath.display(sources.envFilePath, workingDirectory: context.workingDirectory)
        if let warning = GitIgnoreCheck.warning(forEnvFile: sources.envFilePath) { console.warn(warning) }

        console.progress("Checking store \(connection.location.storeHash)…")
        let report = try await ScopeProber(client: connection.client).probe()
        let desired = DesiredWebhooks(app: app, secret: sources.webhookSecret ?? "")
        let match = WebhookMatch(hooks: report.hooks, desired: desired)
        let envProblems = EnvFileConsistency.problems(sources: sources, displayPath: displayPath)
        let healthy = report.missing.isEmpty && match.isHealthy && envProblems.isEmpty

        if console.isJSON {
            let result = CheckReport(
                ok: healthy, storeHash: connection.location.storeHash, credentials: .init(ok: true),
                scopes: report.scopes.map { result in
                    let granted: Bool? =
                        switch result.status {
                        case .granted: true
                        case .missing: false
                        case .unknown: nil
                        }
                    return .init(
                        name: result.scope.controlPanelName, oauth: result.scope.oauthName,
                        granted: ExplicitNull(granted))
                },
                webhooks: match.required.map {
                    .init(scope: $0.scope, status: $0.status, id: ExplicitNull($0.hook?.id))
                },
                envFile: .init(path: displayPath, ok: envProblems.isEmpty, problems: envProblems))
            console.json(try JSONOutput.encode(result))
        } else {
            render(report: report, match: match, envProblems: envProblems, displayPath: displayPath, console: console)
            console.result(
                healthy
                    ? console.style.green("✓ Healthy.")
                    : console.style.red("✗ Problems found.") + " Run 'bc-webhooks sync' to fix the webhooks.")
        }
        return healthy ? .success : .problemsFound
    }

    /// Prints the report: healthy lines are details (hidden by `--quiet`), problems are results (always shown).
    private func render(
        report: ScopeReport, match: WebhookMatch, envProblems: [String], displayPath: String, console: Console
    ) {
        let style = console.style
        let ok = style.green("✓")
        let bad = style.red("✗")
        let unsure = style.yellow("?")
        console.info(style.bold("Credentials"))
        console.info("  \(ok) token accepted")
        console.info(style.bold("Token scopes"))
        for result in report.scopes {
            let mark: String =
                switch result.status {
                case .granted: ok
                case .missing: result.scope.isUnreliable ? unsure : bad
                case .unknown: unsure
                }
            let line = "  \(mark) \(result.scope.controlPanelName): \(result.advice)"
            result.status == .granted ? console.info(line) : console.result(line)
        }
        console.info(style.bold("Webhooks"))
        for entry in match.required {
            let mark = entry.status == .ok ? ok : bad
            let id = entry.hook.map { " (#\($0.id))" } ?? ""
            let line =
                "  \(mark) \(entry.scope): \(entry.status.rawValue.replacingOccurrences(of: "_", with: " "))\(id)"
            entry.status == .ok ? console.info(line) : console.result(line)
        }
        for hook in match.extra {
            console.info("  · \(hook.scope) → \(hook.destination) (#\(hook.id)): not needed by this app, left alone")
        }
        console.info(style.bold("Env file") + " \(displayPath)")
        if envProblems.isEmpty { console.info("  \(ok) consistent") }
        for problem in envProblems { console.result("  \(bad) \(problem)") }
    }
}
