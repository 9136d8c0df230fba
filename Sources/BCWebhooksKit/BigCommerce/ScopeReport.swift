/// The result of one probing round: the hooks listed (which also proved the token and store hash) and every scope.
public struct ScopeReport: Sendable, Equatable {
    /// Every webhook the API account sees, all pages.
    public var hooks: [Webhook]
    /// One result per required scope, in catalogue order.
    public var scopes: [ScopeResult]

    /// Creates a report.
    public init(hooks: [Webhook], scopes: [ScopeResult]) {
        self.hooks = hooks
        self.scopes = scopes
    }

    /// Scopes found missing whose probe is reliable: these make `setup` stop and `check` unhealthy.
    public var missing: [RequiredScope] {
        scopes.filter { $0.status == .missing && !$0.scope.isUnreliable }.map(\.scope)
    }

    /// Scopes found missing by an unreliable probe: reported as warnings.
    public var doubtful: [RequiredScope] {
        scopes.filter { $0.status == .missing && $0.scope.isUnreliable }.map(\.scope)
    }

    /// Scopes whose probe could not tell.
    public var unknown: [ScopeResult] {
        scopes.filter { if case .unknown = $0.status { true } else { false } }
    }

    /// The error to stop with when reliable probes found scopes missing, else `nil`.
    public var missingScopesError: BigCommerceError? {
        missing.isEmpty ? nil : .missingScopes(missing)
    }
}
