extension SettingsSources {
    /// The app URL as a webhook destination base: `--app-url`, `FRONT_COMMERCE_URL` (environment, then env file),
    /// else asked for (with `--sandbox`, a placeholder is the default). A given but invalid URL is refused (exit 65)
    /// before any API call.
    func appURL(prompter: Prompter) throws -> AppURL {
        let suggestion = invocation.has("sandbox") ? SandboxDefaults.appURL : nil
        if let text = lookup(flag: "app-url", variable: EnvVariable.appURL) {
            return try AppURL(destinationBase: text)
        }
        guard prompter.canAsk else {
            if let suggestion { return try AppURL(destinationBase: suggestion) }
            throw CommandFailure(
                .usage, "no app URL given", hint: "pass --app-url URL or set \(EnvVariable.appURL)")
        }
        return try prompter.ask("Public URL of the app (https, port 443)", default: suggestion) {
            try AppURL(destinationBase: $0)
        }
    }

    /// The API account's client id and client secret, by variable name, when known.
    var clientCredentials: [String: String] {
        var values: [String: String] = [:]
        if let clientID = lookup(flag: "client-id", credentials: \.clientID, variable: EnvVariable.clientID) {
            values[EnvVariable.clientID] = clientID
        }
        if let clientSecret = lookup(credentials: \.clientSecret, variable: EnvVariable.clientSecret) {
            values[EnvVariable.clientSecret] = clientSecret
        }
        return values
    }

    /// The error for a command that needs the webhook secret when neither the environment nor the env file has one.
    func missingWebhookSecret(workingDirectory: String) -> CommandFailure {
        let shown = EnvFilePath.display(envFilePath, workingDirectory: workingDirectory)
        return CommandFailure(
            .usage, "no \(EnvVariable.webhookSecret) in \(shown) or the environment",
            hint: "run 'bc-webhooks secret --write --env-file \(shown)' (or 'bc-webhooks setup') first")
    }

    /// The webhook secret from the environment or the env file, if any.
    var webhookSecret: String? {
        lookup(variable: EnvVariable.webhookSecret)
    }
}
