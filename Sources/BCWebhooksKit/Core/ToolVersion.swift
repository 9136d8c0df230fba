/// The tool's version, printed by `--version` and sent in the `User-Agent` header.
public enum ToolVersion {
    /// The current version.
    public static let current = "0.1.0"

    /// The `User-Agent` sent with every API request, e.g. `bc-webhooks/0.1.0`.
    public static var userAgent: String { "bc-webhooks/\(current)" }
}
