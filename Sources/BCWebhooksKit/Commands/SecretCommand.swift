/// `secret`: prints a new random secret from OpenSSL, or stores it in the env file with `--write`.
struct SecretCommand: CommandRunner {
    /// Runs `secret`.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let byteCount = try Self.byteCount(invocation.value("bytes"))
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
        throw CommandFailure(
            .failure, "secret --write is not available yet", hint: "run 'bc-webhooks secret' and paste it")
    }

    /// The `--bytes` value, checked against the allowed range.
    static func byteCount(_ text: String?) throws -> Int {
        guard let text else { return SecretGenerator.defaultByteCount }
        let range = SecretGenerator.byteRange
        guard let count = Int(text), range.contains(count) else {
            throw ArgumentParser.UsageError(
                message:
                    "--bytes must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                hint: "for example: bc-webhooks secret --bytes 32")
        }
        return count
    }
}

/// The `secret --json` result.
private struct PrintedSecret: Encodable {
    let secret: String
    let bytes: Int
    let format: String
}
