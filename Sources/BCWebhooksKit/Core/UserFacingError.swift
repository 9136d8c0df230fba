/// An error a person can act on: what happened, what to do, and the exit code it maps to.
public protocol UserFacingError: Error, Sendable {
    /// What happened, in one sentence without a trailing period.
    var message: String { get }
    /// What to do about it, or an empty string when there is nothing to suggest.
    var hint: String { get }
    /// The exit code this error ends the process with.
    var exitCode: ExitCode { get }
}

extension UserFacingError {
    /// The line printed on stderr: `error: <what happened> — <what to do>`.
    public var renderedLine: String {
        hint.isEmpty ? "error: \(message)" : "error: \(message) — \(hint)"
    }
}

/// A ready-made `UserFacingError` for one-off failures that need no type of their own.
public struct CommandFailure: UserFacingError, Equatable {
    /// What happened.
    public let message: String
    /// What to do.
    public let hint: String
    /// The exit code.
    public let exitCode: ExitCode

    /// Creates a failure with its message, hint and exit code.
    public init(_ exitCode: ExitCode, _ message: String, hint: String = "") {
        self.exitCode = exitCode
        self.message = message
        self.hint = hint
    }
}
