/// Hides header values in output: `••••1a2b` (the last four characters of a long value only).
public enum SecretRedaction {
    /// The redacted form of `value`; values shorter than 12 characters show nothing of themselves.
    public static func redact(_ value: String) -> String {
        value.count >= 12 ? "••••" + value.suffix(4) : "••••"
    }
}
