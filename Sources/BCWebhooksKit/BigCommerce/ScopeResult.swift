/// One required scope and what its probe found.
public struct ScopeResult: Sendable, Equatable {
    /// The scope probed.
    public var scope: RequiredScope
    /// What the probe found.
    public var status: ScopeStatus

    /// Creates a result.
    public init(scope: RequiredScope, status: ScopeStatus) {
        self.scope = scope
        self.status = status
    }

    /// What to tell a person, e.g. `missing — tick "Products" (read-only) on the API account`.
    public var advice: String {
        switch status {
        case .granted: "granted"
        case .missing:
            "missing — set \"\(scope.controlPanelName)\" to read-only on the API account"
                + (scope.isUnreliable ? " (this probe is unreliable: a warning only)" : "")
        case .unknown(let reason): "unknown — \(reason)"
        }
    }
}
