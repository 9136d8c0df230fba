/// The shared heart of `sync`, `setup` and `rotate`: plan from the store's hooks, show the plan, confirm,
/// apply concurrently, verify, report.
struct WebhookSync: Sendable {
    /// What a sync did.
    struct Result: Sendable {
        /// The plan shown.
        let plan: WebhookPlan
        /// What became of each write; empty when nothing was applied.
        let outcomes: [PlanApplier.Outcome]
        /// Whether the plan was applied (false for a dry run or a refused confirmation).
        let applied: Bool

        /// The first failure, if any write failed for good.
        var firstFailure: (any UserFacingError)? { outcomes.compactMap(\.error).first }

        /// The `sync --json` / `setup --json` document of CLI.md.
        func json() throws -> String {
            try JSONOutput.encode(SyncDocument(plan: plan.steps.map(SyncDocument.Step.init), applied: applied))
        }
    }

    /// The store.
    let connection: StoreConnection
    /// What the hooks should be.
    let desired: DesiredWebhooks
    /// Whether extra hooks are deleted.
    let prune: Bool
    /// Whether to only show the plan.
    let dryRun: Bool
    /// Whether `--yes` accepted the plan in advance.
    let assumeYes: Bool
    /// How to ask for confirmation.
    let prompter: Prompter
    /// Where to report.
    let console: Console
    /// Runs after the plan is confirmed and before the first API write (rotate saves the new secret here).
    var beforeApply: @Sendable () throws -> Void = {}

    /// Plans against `knownHooks` (or a fresh listing), shows the plan, confirms, applies and reports.
    func run(knownHooks: [Webhook]? = nil) async throws -> Result {
        let hooks: [Webhook]
        if let knownHooks {
            hooks = knownHooks
        } else {
            hooks = try await connection.client.listWebhooks()
        }
        let plan = WebhookPlan(match: WebhookMatch(hooks: hooks, desired: desired), desired: desired, prune: prune)
        show(plan)
        guard !plan.isEmpty else {
            console.info(console.style.green("✓") + " The webhooks already match: nothing to change.")
            return Result(plan: plan, outcomes: [], applied: !dryRun)
        }
        if dryRun {
            console.info("Dry run: nothing was changed. Run again without --dry-run to apply.")
            return Result(plan: plan, outcomes: [], applied: false)
        }
        try confirm(plan)
        try beforeApply()
        console.progress("Applying \(plan.writes.count) change\(plan.writes.count == 1 ? "" : "s")…")
        let outcomes = await PlanApplier(client: connection.client, desired: desired, prune: prune).apply(plan)
        report(outcomes)
        return Result(plan: plan, outcomes: outcomes, applied: outcomes.allSatisfy(\.succeeded))
    }

    private func confirm(_ plan: WebhookPlan) throws {
        if assumeYes { return }
        guard prompter.canAsk else {
            throw CommandFailure(
                .usage,
                "confirmation needed to apply \(plan.writes.count) change(s) to store \(connection.location.storeHash)",
                hint: "review the plan with --dry-run, then run again with --yes")
        }
        guard try prompter.confirm("Apply these \(plan.writes.count) change(s)?", default: true) else {
            throw CommandFailure(
                .usage, "the plan was not applied", hint: "nothing was changed; run again to review it")
        }
    }

    private func show(_ plan: WebhookPlan) {
        let style = console.style
        console.info(
            style.bold("Webhook plan") + " for store \(connection.location.storeHash) → \(desired.destination)")
        for step in plan.steps {
            let (mark, colour): (String, (String) -> String) =
                switch step.action {
                case .create: ("+", style.green)
                case .update, .reactivate: ("~", style.yellow)
                case .delete: ("-", style.red)
                case .unchanged: ("=", style.dim)
                case .extra: ("·", style.dim)
                }
            let id = step.id.map { " #\($0)" } ?? ""
            let target = step.action == .extra || step.action == .delete ? " → \(step.destination)" : ""
            let reason = step.reason.isEmpty ? "" : " (\(step.reason))"
            let action = step.action.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            console.info("  " + colour("\(mark) \(action)") + " \(step.scope)\(id)\(target)\(reason)")
        }
    }

    private func report(_ outcomes: [PlanApplier.Outcome]) {
        for outcome in outcomes {
            let step = outcome.step
            if let error = outcome.error {
                console.result(
                    "  " + console.style.red("✗") + " \(step.action.rawValue) \(step.scope): \(error.message)")
            } else {
                let id = (outcome.hook?.id ?? step.id).map { " #\($0)" } ?? ""
                console.info("  " + console.style.green("✓") + " \(step.action.rawValue) \(step.scope)\(id)")
            }
        }
    }
}

/// The `sync --json` document: `{"plan":[{"action":…,"scope":…,"id":…}],"applied":…}`.
struct SyncDocument: Encodable {
    /// One step.
    struct Step: Encodable {
        /// The action.
        let action: WebhookPlan.Action
        /// The scope.
        let scope: String
        /// The existing hook's id, JSON null for a create.
        let id: ExplicitNull<Int>

        /// The JSON form of a plan step.
        init(_ step: WebhookPlan.Step) {
            action = step.action
            scope = step.scope
            id = ExplicitNull(step.id)
        }

    }

    /// The plan.
    let plan: [Step]
    /// Whether it was applied.
    let applied: Bool
}
