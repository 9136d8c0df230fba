/// `sandbox`: checks its options, then serves the simulated store on loopback until Ctrl-C.
struct SandboxServeCommand: CommandRunner {
    /// Runs `sandbox`.
    func run(_ invocation: Invocation, context: CommandContext, console: Console) async throws -> ExitCode {
        let options = SandboxOptions(
            port: try invocation.integer("port", in: 0...65_535) ?? SandboxOptions.defaultPort,
            storeHash: try invocation.value("store-hash").map(StoreLocation.validatedHash)
                ?? SandboxConfiguration.defaultStoreHash,
            token: invocation.value("token"),
            scopes: invocation.value("scopes") ?? "all",
            latencyMs: try invocation.integer("latency-ms", in: 0...60_000) ?? 0,
            failRate: try Self.rate(invocation.value("fail-rate")),
            statePath: invocation.value("state").map {
                EnvFilePath.absolute($0, workingDirectory: context.workingDirectory)
            })
        return try await SandboxCommand.run(
            options: options, terminal: context.terminal, clock: context.clock, random: context.random)
    }

    private static func rate(_ text: String?) throws -> Double {
        guard let text else { return 0 }
        guard let value = Double(text), (0...1).contains(value) else {
            throw ArgumentParser.UsageError(
                message: "--fail-rate must be a number from 0 to 1, not '\(text)'", hint: "for example: --fail-rate 0.2"
            )
        }
        return value
    }
}
