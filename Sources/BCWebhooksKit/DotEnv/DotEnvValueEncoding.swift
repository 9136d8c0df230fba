/// Spells a value so python-dotenv, Node's `dotenv`, Docker Compose and `set -a; . ./.env` read it back alike.
///
/// - Unquoted when every character is in `[A-Za-z0-9_./:@%+,=-]`: no reader gives any of them a meaning
///   there (no `$`, `#`, quote, space, `~`, glob or brace character).
/// - Empty: `KEY=` (all four read "").
/// - Otherwise single-quoted, which all four read literally, except for what is refused:
///   - `'` — ends the quotes in bash and Node; python-dotenv and Compose take `\'` as an escape, bash does not;
///   - a line break or CR — bash keeps it, Node turns CR LF into LF, Compose counts lines differently;
///   - NUL and other control characters (tab excepted) — not portable through shells and files;
///   - `\\` or a trailing `\` — python-dotenv turns `\\` into `\` inside single quotes, and Compose takes
///     a final `\` as escaping the closing quote;
///   - `${` — python-dotenv interpolates `${VAR}` even inside single quotes; the others do not.
///   A lone `$` (as in `$HOME`), `#`, `"`, back-quotes, spaces at either end and non-ASCII text are fine.
enum DotEnvValueEncoding {
    /// Why a value cannot be written so that every reader agrees on it.
    struct Refusal: UserFacingError, Equatable {
        /// The key the value was meant for.
        let key: String
        /// What in the value cannot be written.
        let reason: String

        /// What happened.
        var message: String { "cannot write \(key) to the env file: the value \(reason)" }
        /// What to do.
        var hint: String {
            "no quoting makes python-dotenv, Node dotenv, Docker Compose and the shell read it alike; "
                + "choose a value without it (the file was not changed)"
        }
        /// Bad input data.
        var exitCode: ExitCode { .dataError }
    }

    /// The characters that need no quoting anywhere.
    static func isSafeUnquoted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", ".", "/", ":", "@", "%", "+", ",", "=", "-": true
        default: false
        }
    }

    /// The text to put after `KEY=` for `value`, or a `Refusal` naming the offending part.
    static func encode(_ value: String, forKey key: String) throws(Refusal) -> String {
        if let reason = refusalReason(value) { throw Refusal(key: key, reason: reason) }
        if value.unicodeScalars.allSatisfy(isSafeUnquoted) { return value }
        return "'" + value + "'"
    }

    /// Why `value` cannot be written, or nil when it can.
    static func refusalReason(_ value: String) -> String? {
        let scalars = Array(value.unicodeScalars)
        if scalars.contains("'") { return "contains a single quote (')" }
        if scalars.contains("\n") || scalars.contains("\r") { return "spans several lines" }
        if let control = scalars.first(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            return "contains the control character U+\(hex4(control.value))"
        }
        if value.contains("\\\\") { return "contains a double backslash (\\\\)" }
        if scalars.last == "\\" { return "ends with a backslash" }
        if value.contains("${") { return "contains ${, which python-dotenv would expand as a variable" }
        return nil
    }

    private static func hex4(_ number: UInt32) -> String {
        let digits = String(number, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
