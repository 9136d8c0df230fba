/// One-shot faults queued in the store's state (and its JSON file), consumed by the next requests.
public struct SandboxFaults: Sendable, Equatable, Codable {
    /// Statuses (e.g. 503) the next requests fail with, one per request, before anything is applied.
    public var failNext: [Int]
    /// How many of the next writes are applied but have their response lost.
    public var loseNextWrites: Int
    /// Statuses the next writes (POST, PUT, DELETE) fail with, one per write, before anything is applied.
    public var failNextWrites: [Int]

    /// Creates a set of queued faults.
    public init(failNext: [Int] = [], loseNextWrites: Int = 0, failNextWrites: [Int] = []) {
        self.failNext = failNext
        self.loseNextWrites = loseNextWrites
        self.failNextWrites = failNextWrites
    }

    /// Whether nothing is queued.
    public var isEmpty: Bool { failNext.isEmpty && loseNextWrites <= 0 && failNextWrites.isEmpty }

    /// The JSON keys.
    enum CodingKeys: String, CodingKey {
        /// `fail_next`.
        case failNext = "fail_next"
        /// `lose_next_writes`.
        case loseNextWrites = "lose_next_writes"
        /// `fail_next_writes`.
        case failNextWrites = "fail_next_writes"
    }

    /// Decodes leniently: each key may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        failNext = try container.decodeIfPresent([Int].self, forKey: .failNext) ?? []
        loseNextWrites = try container.decodeIfPresent(Int.self, forKey: .loseNextWrites) ?? 0
        failNextWrites = try container.decodeIfPresent([Int].self, forKey: .failNextWrites) ?? []
    }
}
