/// One request the simulated store received, for tests to assert what was (or was not) sent.
public struct SandboxRequestRecord: Sendable, Equatable {
    /// The method, e.g. `POST`.
    public let method: String
    /// The URL path, e.g. `/stores/sandbox1/v3/hooks`.
    public let path: String
    /// The query string without `?`, or `nil`.
    public let query: String?
    /// The status answered, or `nil` when the response was lost.
    public let status: Int?
    /// Whether the method writes (`POST`, `PUT`, `PATCH`, `DELETE`).
    public let isWrite: Bool
    /// Whether the request changed the store's hooks.
    public let applied: Bool
}
