import Foundation

/// `ping`: proves the app accepts a delivery carrying the right secret and refuses one carrying a wrong secret.
struct PingCommand: CommandRunner {
    /// How long the app may take to answer one delivery (CLI.md).
    static let appDeadline = 5.0

    /// Runs `ping`: exit 0 when the app behaves, 2 when it does not, 69 when it cannot be reached.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let sources = try SettingsSources.load(invocation, context: context)
        let manifest = WebhookManifest.builtIn
        let scope = invocation.value("scope") ?? "store/product/*"
        guard manifest.scopes.contains(scope) else {
            throw ArgumentParser.UsageError(
                message: "--scope must be one of the webhooks the app needs, not '\(scope)'",
                hint: "use one of: \(manifest.scopes.joined(separator: ", "))")
        }
        let prompter = Prompter(invocation: invocation, context: context, console: console)
        let app: AppURL
        if let text = sources.lookup(flag: "app-url", variable: EnvVariable.appURL) {
            app = try AppURL(pingTarget: text)
        } else if prompter.canAsk {
            app = try prompter.ask("URL of the app to ping", default: "http://localhost:4000") {
                try AppURL(pingTarget: $0)
            }
        } else {
            throw CommandFailure(.usage, "no app URL given", hint: "pass --app-url URL or set \(EnvVariable.appURL)")
        }
        guard let secret = sources.webhookSecret else {
            throw sources.missingWebhookSecret(workingDirectory: context.workingDirectory)
        }
        let wrongSecret = try SecretGenerator(random: context.random).make()
        let clientSecret = sources.lookup(credentials: \.clientSecret, variable: EnvVariable.clientSecret)
        let storeHash = (try? sources.storeLocation())??.storeHash ?? "abc123"
        let destination = app.destination(manifest)
        guard let url = URL(string: destination) else {
            throw CommandFailure(.dataError, "'\(destination)' is not a URL", hint: "check --app-url")
        }

        console.progress("Sending two sample \(scope) deliveries to \(destination)…")
        var outcomes: [PingOutcome] = []
        for (index, candidate) in [secret, wrongSecret].enumerated() {
            let idBytes = try context.random.bytes(count: 12)
            let delivery = SampleDelivery(
                scope: scope, storeHash: storeHash, secret: candidate, clientSecret: clientSecret, manifest: manifest,
                now: Int(Date().timeIntervalSince1970), messageID: "msg_" + SecretFormat.hex.encode(idBytes))
            let request = HTTPRequest(
                method: "POST", url: url,
                headers: delivery.headers.merging(["user-agent": ToolVersion.userAgent]) { first, _ in first },
                body: delivery.body)
            do {
                let transport = context.transport
                let response = try await Deadline.run(seconds: Self.appDeadline, clock: context.clock) {
                    try await transport.send(request)
                }
                outcomes.append(PingOutcome(status: response.status))
            } catch let error as TransportError {
                let reason = error == .timedOut ? "no answer within \(Int(Self.appDeadline)) s" : "connection failed"
                throw CommandFailure(
                    .unavailable, "the app at \(destination) cannot be reached (\(reason))",
                    hint: index == 0 ? "start the app, or check --app-url / \(EnvVariable.appURL)" : "try again")
            }
        }
        let healthy = outcomes[0].accepted && !outcomes[1].accepted
        if console.isJSON {
            console.json(
                try JSONOutput.encode(
                    PingDocument(
                        ok: healthy, destination: destination, scope: scope, signed: clientSecret != nil,
                        rightSecret: outcomes[0], wrongSecret: outcomes[1])))
        } else {
            report(outcomes, destination: destination, signed: clientSecret != nil, console: console)
        }
        return healthy ? .success : .problemsFound
    }

    private func report(_ outcomes: [PingOutcome], destination: String, signed: Bool, console: Console) {
        let style = console.style
        let right = outcomes[0]
        let wrong = outcomes[1]
        let rightLine = "delivery with the right secret: HTTP \(right.status)"
        let wrongLine = "delivery with a wrong secret: HTTP \(wrong.status)"
        console.result(
            right.accepted
                ? "  \(style.green("✓")) \(rightLine) (accepted)"
                : "  \(style.red("✗")) \(rightLine) — the app refused it: is it running with the env file's "
                    + "\(EnvVariable.webhookSecret)? Restart it after setup or rotate.")
        console.result(
            wrong.accepted
                ? "  \(style.red("✗")) \(wrongLine) — the app ACCEPTED a wrong secret: anyone could trigger cache "
                    + "invalidations. Check the app's webhook secret check."
                : "  \(style.green("✓")) \(wrongLine) (refused)")
        if signed { console.info("  (both deliveries were also signed with Standard Webhooks headers)") }
        console.result(
            right.accepted && !wrong.accepted
                ? style.green("✓ The app at \(destination) handles webhook deliveries correctly.")
                : style.red("✗ The app does not handle webhook deliveries correctly."))
    }
}

/// The `ping --json` document.
struct PingDocument: Encodable {
    /// Whether the app accepted the right secret and refused the wrong one.
    let ok: Bool
    /// The URL the deliveries were sent to.
    let destination: String
    /// The scope of the sample delivery.
    let scope: String
    /// Whether the deliveries carried Standard Webhooks signatures.
    let signed: Bool
    /// The answer to the delivery with the env file's secret.
    let rightSecret: PingOutcome
    /// The answer to the delivery with a wrong secret.
    let wrongSecret: PingOutcome

    enum CodingKeys: String, CodingKey {
        case ok, destination, scope, signed
        case rightSecret = "right_secret"
        case wrongSecret = "wrong_secret"
    }
}
