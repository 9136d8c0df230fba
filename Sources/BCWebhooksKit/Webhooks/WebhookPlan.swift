/// What `sync` (and `setup`, `rotate`) will do to make the store's hooks match the desired ones.
public struct WebhookPlan: Sendable, Equatable {
    /// The kind of a planned step (the `action` of `sync --json`).
    public enum Action: String, Sendable, Codable, Equatable {
        /// Create a missing hook.
        case create
        /// Change a hook's destination, secret header and/or activity in one request.
        case update
        /// Turn a deactivated hook back on.
        case reactivate
        /// Nothing to do.
        case unchanged
        /// Not needed by the app; left alone.
        case extra
        /// Not needed by the app; deleted (only with `--prune`).
        case delete
    }

    /// One step of the plan.
    public struct Step: Sendable, Equatable {
        /// What to do.
        public let action: Action
        /// The hook's scope.
        public let scope: String
        /// The existing hook's id; `nil` for a create.
        public let id: Int?
        /// The hook's destination after the step (the existing one for extra/delete).
        public let destination: String
        /// The fields to send for a create or update; `nil` when nothing is written.
        public let fields: WebhookFields?
        /// Why the step is planned, for people (e.g. "secret header differs"); empty when obvious.
        public var reason: String = ""

        /// Whether this step writes to the API.
        public var isWrite: Bool { [.create, .update, .reactivate, .delete].contains(action) }
    }

    /// The steps: required scopes in manifest order, then the extra hooks.
    public let steps: [Step]

    /// Plans the changes that bring `match` to `desired`; extra hooks are deleted only when `prune` is set.
    public init(match: WebhookMatch, desired: DesiredWebhooks, prune: Bool) {
        var steps: [Step] = []
        for entry in match.required {
            guard let hook = entry.hook else {
                let fields = WebhookFields(
                    scope: entry.scope, destination: desired.destination, isActive: true,
                    headers: desired.headers(keepingOthersOf: nil))
                steps.append(
                    Step(action: .create, scope: entry.scope, id: nil, destination: desired.destination, fields: fields)
                )
                continue
            }
            let step: Step
            switch entry.status {
            case .ok, .missing:
                step = Step(
                    action: .unchanged, scope: entry.scope, id: hook.id, destination: hook.destination, fields: nil)
            case .inactive:
                step = Step(
                    action: .reactivate, scope: entry.scope, id: hook.id, destination: hook.destination,
                    fields: WebhookFields(isActive: true))
            case .wrongSecret, .wrongDestination:
                let fields = WebhookFields(
                    destination: desired.destination, isActive: true, headers: desired.headers(keepingOthersOf: hook))
                let reason =
                    entry.status == .wrongSecret
                    ? "secret header differs" : "destination was \(hook.destination)"
                step = Step(
                    action: .update, scope: entry.scope, id: hook.id, destination: desired.destination, fields: fields,
                    reason: reason)
            }
            steps.append(step)
        }
        for hook in match.extra {
            steps.append(
                Step(
                    action: prune ? .delete : .extra, scope: hook.scope, id: hook.id, destination: hook.destination,
                    fields: nil, reason: prune ? "not needed by this app" : "not needed by this app; --prune deletes it"
                ))
        }
        self.steps = steps
    }

    /// Creates a plan from explicit steps.
    public init(steps: [Step]) {
        self.steps = steps
    }

    /// The steps that write to the API.
    public var writes: [Step] { steps.filter(\.isWrite) }

    /// Whether the plan changes nothing.
    public var isEmpty: Bool { writes.isEmpty }
}
