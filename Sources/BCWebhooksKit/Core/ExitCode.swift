/// The process exit codes of the command-line contract (CLI.md).
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Success, or a healthy store.
    case success = 0
    /// An unexpected failure: a bug.
    case failure = 1
    /// `check` (or `ping`) found problems.
    case problemsFound = 2
    /// Usage error: unknown flag, bad value, missing value with `--no-input`, confirmation needed.
    case usage = 64
    /// Bad input data: malformed API path, host not allowed, bad destination, unreadable credentials.
    case dataError = 65
    /// BigCommerce (or the app) unreachable, timed out, or kept failing after retries.
    case unavailable = 69
    /// The env file cannot be written; nothing was changed.
    case cannotWrite = 73
    /// The token was rejected (401) or lacks a required scope (403).
    case permissionDenied = 77
    /// Interrupted by Ctrl-C.
    case interrupted = 130
}
