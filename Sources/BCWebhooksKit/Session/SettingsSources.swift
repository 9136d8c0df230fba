import Foundation

/// Every place a setting can come from, in CLI.md's precedence: command-line flag, the credentials file
/// (it fills what no flag gives), the process environment, then the env file. Prompts come last, in the commands.
public struct SettingsSources: Sendable {
    /// The parsed command line.
    public let invocation: Invocation
    /// The process environment.
    public let environment: [String: String]
    /// The env file's path.
    public let envFilePath: String
    /// The env file's contents, `nil` when it does not exist yet.
    public let envFile: DotEnvDocument?
    /// The credentials file's contents, when `--credentials-file` was given.
    public let credentials: CredentialsFile?
    /// The token read from stdin with `--token-stdin`.
    public let stdinToken: String?

    /// Gathers the sources for one run: loads the env file (unless `readsEnvFile` is false, as for a new
    /// environment's file) and the credentials file, reads the token from stdin when `--token-stdin` asks for it.
    public static func load(
        _ invocation: Invocation, context: CommandContext, envFilePath explicitPath: String? = nil,
        readsEnvFile: Bool = true
    ) throws -> SettingsSources {
        let envFilePath = explicitPath ?? EnvFilePath.resolve(invocation, workingDirectory: context.workingDirectory)
        let credentials = try invocation.value("credentials-file").map {
            try CredentialsFile.read(path: EnvFilePath.absolute($0, workingDirectory: context.workingDirectory))
        }
        var stdinToken: String?
        if invocation.has("token-stdin") {
            let line = context.terminal.readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else {
                throw CommandFailure(
                    .usage, "--token-stdin was given but stdin held no token",
                    hint: "pipe the token in, e.g. printf '%s\\n' \"$TOKEN\" | bc-webhooks … --token-stdin")
            }
            stdinToken = line
        }
        return SettingsSources(
            invocation: invocation, environment: context.environment, envFilePath: envFilePath,
            envFile: readsEnvFile ? try EnvFile.load(path: envFilePath) : nil, credentials: credentials,
            stdinToken: stdinToken)
    }

    /// The first non-empty value among the flag, the credentials file, the process environment and the env file.
    public func lookup(
        flag: String? = nil, credentials field: KeyPath<CredentialsFile, String?>? = nil, variable: String
    ) -> String? {
        if let flag, let value = nonEmpty(invocation.value(flag)) { return value }
        if let field, let value = nonEmpty(credentials?[keyPath: field]) { return value }
        if let value = nonEmpty(environment[variable]) { return value }
        if let value = nonEmpty(envFile?.value(forKey: variable)) { return value }
        return nil
    }

    /// The access token: `--token-stdin`, the credentials file, the environment, then the env file.
    public var token: String? {
        if let stdinToken { return stdinToken }
        if let token = nonEmpty(credentials?.accessToken) { return token }
        return lookup(variable: EnvVariable.authToken)
    }

    /// The store, from `--api-path`, `--store-hash`, the credentials file's API PATH, then the ENDPOINT and
    /// STORE_HASH variables; `nil` when none gives one. A malformed value throws (exit 65) before any request.
    public func storeLocation() throws -> StoreLocation? {
        if let path = nonEmpty(invocation.value("api-path")) { return try StoreLocation.parse(path) }
        if let hash = nonEmpty(invocation.value("store-hash")) { return try StoreLocation(storeHash: hash) }
        if let fromCredentials = try credentials?.storeLocation() { return fromCredentials }
        for variables in [environment, envFile?.valuesByKey ?? [:]] {
            if let endpoint = nonEmpty(variables[EnvVariable.endpoint]) { return try StoreLocation.parse(endpoint) }
            if let hash = nonEmpty(variables[EnvVariable.storeHash]) { return try StoreLocation(storeHash: hash) }
        }
        return nil
    }

    /// These sources with `credentials` as the credentials file (read when the wizard is given its path).
    func with(credentials: CredentialsFile) -> SettingsSources {
        SettingsSources(
            invocation: invocation, environment: environment, envFilePath: envFilePath, envFile: envFile,
            credentials: credentials, stdinToken: stdinToken)
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}

extension DotEnvDocument {
    /// The decoded value of every key (the last occurrence wins), without the keys that have no value.
    var valuesByKey: [String: String] {
        values.compactMapValues { $0 }
    }
}
