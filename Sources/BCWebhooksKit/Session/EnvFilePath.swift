/// Where the env file is: `--env-file` (relative to the working folder), else `.env` — or `.env.sandbox` with
/// `--sandbox`, so that trying the sandbox never touches a real project's `.env`.
public enum EnvFilePath {
    /// The absolute path of the env file for this run.
    public static func resolve(_ invocation: Invocation, workingDirectory: String) -> String {
        let given = invocation.value("env-file") ?? (invocation.has("sandbox") ? ".env.sandbox" : ".env")
        return absolute(given, workingDirectory: workingDirectory)
    }

    /// `path` made absolute against `workingDirectory`; `~/` is left to the shell.
    public static func absolute(_ path: String, workingDirectory: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    /// The path as a person typed it or as relative to the working folder, for messages.
    public static func display(_ path: String, workingDirectory: String) -> String {
        let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
