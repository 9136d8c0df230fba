/// How the hooks this API account sees line up with the desired ones.
public struct WebhookMatch: Sendable, Equatable {
    /// One required scope and the hook found for it, if any.
    public struct Required: Sendable, Equatable {
        /// The required scope.
        public let scope: String
        /// The hook matched to it: same scope and destination, or failing that, same scope on the app's host.
        public let hook: Webhook?
        /// The hook's status; `missing` when there is none.
        public let status: WebhookStatus
    }

    /// One entry per required scope, in manifest order.
    public let required: [Required]
    /// Hooks on other scopes or other hosts, and surplus hooks: reported, deleted only with `--prune`.
    public let extra: [Webhook]

    /// Matches `hooks` against `desired` with the rules of CLI.md: a required hook is matched by scope and
    /// destination; a hook with the scope on the app's own host but another path or scheme is
    /// `wrong_destination`; one on another host belongs to something else and is extra.
    public init(hooks: [Webhook], desired: DesiredWebhooks) {
        var unused = hooks.sorted { $0.id < $1.id }
        var required: [Required] = []
        for scope in desired.manifest.scopes {
            let exact = unused.firstIndex { $0.scope == scope && $0.destination == desired.destination }
            let sameHost = unused.firstIndex { $0.scope == scope && desired.isOnAppHost($0) }
            guard let index = exact ?? sameHost else {
                required.append(Required(scope: scope, hook: nil, status: .missing))
                continue
            }
            let hook = unused.remove(at: index)
            required.append(Required(scope: scope, hook: hook, status: Self.status(of: hook, desired: desired)))
        }
        self.required = required
        self.extra = unused
    }

    /// The status of a hook matched to a required scope: the first of wrong destination, wrong secret, inactive.
    static func status(of hook: Webhook, desired: DesiredWebhooks) -> WebhookStatus {
        if hook.destination != desired.destination { return .wrongDestination }
        if desired.secretHeaderValue(of: hook) != desired.secret { return .wrongSecret }
        if !hook.isActive { return .inactive }
        return .ok
    }

    /// Whether every required hook is `ok`.
    public var isHealthy: Bool { required.allSatisfy { $0.status == .ok } }
}
