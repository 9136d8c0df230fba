/// A logger that drops everything (the default without `--verbose`).
public struct SilentRequestLogger: RequestLogger {
    /// Creates the logger.
    public init() {}

    /// Does nothing.
    public func log(_ entry: RequestLogEntry) {}
}
