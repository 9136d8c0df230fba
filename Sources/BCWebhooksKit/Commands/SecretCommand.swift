/// `secret`: prints a new random secret from OpenSSL, or stores it in the env file with `--write`.
struct SecretCommand: CommandRunner {
    /// Runs `secret`.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let byteCount =
            try invocation.integer("bytes", in: SecretGenerator.byteRange) ?? SecretGenerator.defaultByteCount
        let format = invocation.value("format").flatMap(SecretFormat.init(rawValue:)) ?? .hex
        let secret = try SecretGenerator(random: context.random).make(byteCount: byteCount, format: format)
        guard invocation.has("write") else {
            if console.isJSON {
                console.json(
                    try JSONOutput.encode(PrintedSecret(secret: secret, bytes: byteCount, format: format.rawValue)))
            } else {
                context.terminal.write(secret + "\n")
            }
            return .success
        }
        let path = EnvFilePath.resolve(invocation, workingDirectory: context.workingDirectory)
        let shown = EnvFilePath.display(path, workingDirectory: context.workingDirectory)
        guard !invocation.has("dry-run") else {
            console.info("Dry run: would store a new \(EnvVariable.webhookSecret) in \(shown); nothing was written.")
            return .success
        }
        for warning in try EnvFile.update([(key: EnvVariable.webhookSecret, value: secret)], path: path) {
            console.warn(warning.message)
        }
        if let warning = GitIgnoreCheck.warning(forEnvFile: path) { console.warn(warning) }
        console.result("Stored a new \(EnvVariable.webhookSecret) in \(shown) (not shown).")
        console.info("Run 'bc-webhooks sync' to push it to the webhooks, then restart the app so it reads it.")
        return .success
    }
}

/// The `secret --json` result.
private struct PrintedSecret: Encodable {
    let secret: String
    let bytes: Int
    let format: String
}
