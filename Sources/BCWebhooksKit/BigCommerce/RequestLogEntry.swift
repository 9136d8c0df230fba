/// One finished HTTP attempt as `--verbose` shows it: method, path, status (or failure) and time — nothing else.
public struct RequestLogEntry: Sendable, Equatable {
    /// The method, e.g. `GET`.
    public var method: String
    /// The URL's path and query, e.g. `/stores/abc123/v3/hooks?page=1`.
    public var path: String
    /// The status, or `nil` when no response arrived.
    public var status: Int?
    /// Why no response arrived, when `status` is `nil`.
    public var failure: String?
    /// How long the attempt took, in milliseconds.
    public var milliseconds: Int

    /// Creates an entry.
    public init(method: String, path: String, status: Int?, failure: String? = nil, milliseconds: Int) {
        self.method = method
        self.path = path
        self.status = status
        self.failure = failure
        self.milliseconds = milliseconds
    }

    /// The line printed, e.g. `GET /stores/abc123/v3/hooks → 200 (123 ms)`.
    public var line: String {
        let outcome = status.map(String.init) ?? "failed: \(failure ?? "no response")"
        return "\(method) \(path) → \(outcome) (\(milliseconds) ms)"
    }
}
