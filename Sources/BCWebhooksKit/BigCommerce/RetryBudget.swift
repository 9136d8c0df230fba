/// The time all retries of one client may take together: it starts with the first retry wait, and a wait that
/// would end after it is refused (CLI.md: retries of one command wait at most about 30 s in total).
actor RetryBudget {
    private let total: Double
    private var deadline: Double?

    /// Creates a budget of `total` seconds.
    init(total: Double) {
        self.total = total
    }

    /// Whether a wait of `seconds` starting at `now` ends within the budget; starts the budget on first use.
    func permits(wait seconds: Double, now: Double) -> Bool {
        let end = deadline ?? (now + total)
        deadline = end
        return now + seconds <= end
    }
}
