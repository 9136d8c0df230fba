/// Receives one line per finished HTTP attempt for `--verbose`; entries hold no headers, bodies or token.
public protocol RequestLogger: Sendable {
    /// Records one finished attempt.
    func log(_ entry: RequestLogEntry)
}
