/// Applies a plan's writes concurrently and verifies each from its write response. A write whose outcome is
/// unknown (a lost response, a duplicate error, a hook gone meanwhile) is settled by listing the hooks again and
/// re-planning from what the store really holds — so a lost create is never created twice.
struct PlanApplier: Sendable {
    /// What became of one planned write.
    struct Outcome: Sendable {
        /// The step as planned.
        let step: WebhookPlan.Step
        /// The hook after the write, when it succeeded and returned one.
        let hook: Webhook?
        /// The error, when the write failed for good.
        let error: (any UserFacingError)?

        /// Whether the write succeeded and was verified.
        var succeeded: Bool { error == nil }
    }

    /// The client writes go through.
    let client: BigCommerceClient
    /// The state the writes aim at.
    let desired: DesiredWebhooks
    /// Whether extra hooks are deleted when re-planning.
    let prune: Bool
    /// How many times unknown outcomes are settled by listing again before giving up.
    var settleRounds = 2

    /// Applies every write of `plan`; returns one outcome per write, in plan order.
    func apply(_ plan: WebhookPlan) async -> [Outcome] {
        var outcomes: [Outcome] = []
        var pending = plan.writes
        for round in 0...settleRounds {
            let results = await write(pending)
            let unsettled = results.filter { $0.isUnsettled }
            outcomes += results.filter { !$0.isUnsettled }.map(\.outcome)
            guard !unsettled.isEmpty else { break }
            guard round < settleRounds else {
                outcomes += unsettled.map(\.outcome)
                break
            }
            do {
                let hooks = try await client.listWebhooks()
                let fresh = WebhookPlan(
                    match: WebhookMatch(hooks: hooks, desired: desired), desired: desired, prune: prune)
                pending = []
                for result in unsettled {
                    let step = result.outcome.step
                    let next =
                        step.action == .delete
                        ? fresh.writes.first { $0.action == .delete && $0.id == step.id }
                        : fresh.writes.first { $0.action != .delete && $0.scope == step.scope }
                    if let next {
                        pending.append(next)
                    } else {
                        let hook = hooks.first {
                            $0.id == step.id || (step.action != .delete && $0.scope == step.scope)
                        }
                        outcomes.append(Outcome(step: step, hook: hook, error: nil))
                    }
                }
            } catch {
                // The listing failed: each write stays failed, with the listing's error when it says more.
                outcomes += unsettled.map {
                    Outcome(step: $0.outcome.step, hook: nil, error: error as? any UserFacingError ?? $0.outcome.error)
                }
                break
            }
        }
        let order = plan.writes.map(\.scope)
        return outcomes.sorted {
            (order.firstIndex(of: $0.step.scope) ?? 0) < (order.firstIndex(of: $1.step.scope) ?? 0)
        }
    }

    /// One write's result: an outcome, and whether it still needs settling by a fresh listing.
    private struct WriteResult: Sendable {
        let outcome: Outcome
        let isUnsettled: Bool
    }

    private func write(_ steps: [WebhookPlan.Step]) async -> [WriteResult] {
        await withTaskGroup(of: (Int, WriteResult).self) { group in
            for (index, step) in steps.enumerated() {
                group.addTask { (index, await write(step)) }
            }
            var results = [WriteResult?](repeating: nil, count: steps.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    private func write(_ step: WebhookPlan.Step) async -> WriteResult {
        do {
            switch step.action {
            case .create:
                return verified(step, try await client.createWebhook(step.fields ?? WebhookFields()))
            case .update, .reactivate:
                return verified(
                    step, try await client.updateWebhook(id: step.id ?? 0, fields: step.fields ?? WebhookFields()))
            case .delete:
                try await client.deleteWebhook(id: step.id ?? 0)
                return WriteResult(outcome: Outcome(step: step, hook: nil, error: nil), isUnsettled: false)
            case .unchanged, .extra:
                return WriteResult(outcome: Outcome(step: step, hook: nil, error: nil), isUnsettled: false)
            }
        } catch let error as BigCommerceError {
            switch error {
            case .conflict, .outcomeUnknown, .notFound, .unavailable, .unexpectedResponse:
                return WriteResult(outcome: Outcome(step: step, hook: nil, error: error), isUnsettled: true)
            default:
                return WriteResult(outcome: Outcome(step: step, hook: nil, error: error), isUnsettled: false)
            }
        } catch {
            let failure = CommandFailure(.failure, "\(step.action.rawValue) \(step.scope) failed unexpectedly")
            return WriteResult(outcome: Outcome(step: step, hook: nil, error: failure), isUnsettled: true)
        }
    }

    /// Checks a write response against the desired state; a mismatch is settled by listing again.
    private func verified(_ step: WebhookPlan.Step, _ hook: Webhook) -> WriteResult {
        let isRight = hook.scope == step.scope && WebhookMatch.status(of: hook, desired: desired) == .ok
        guard isRight else {
            let failure = CommandFailure(
                .unavailable, "BigCommerce's answer to \(step.action.rawValue) \(step.scope) does not show the change",
                hint: "run 'bc-webhooks check' to see the hook's state, then 'sync' again")
            return WriteResult(outcome: Outcome(step: step, hook: hook, error: failure), isUnsettled: true)
        }
        return WriteResult(outcome: Outcome(step: step, hook: hook, error: nil), isUnsettled: false)
    }
}
