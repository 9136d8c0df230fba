/// What a simulated store remembers, as saved in its JSON state file.
///
/// End-to-end tests may edit the file between commands: change or remove hooks, add hooks of another
/// client (invisible to this one), queue `faults`, or override the accepted `token` and `granted_scopes`.
/// A hook without `client_id` belongs to the sandbox's own client.
public struct SandboxState: Sendable, Equatable, Codable {
    /// The id the next created hook gets.
    public var nextID: Int
    /// Every hook of the store, of every client.
    public var hooks: [Webhook]
    /// When set, the token the store accepts instead of the configured one.
    public var token: String?
    /// When set, the granted scopes (OAuth names) instead of the configured ones.
    public var grantedScopes: [String]?
    /// Faults queued for the next requests.
    public var faults: SandboxFaults?

    /// Creates a state; a fresh store has no hooks and starts ids at 1.
    public init(
        nextID: Int = 1, hooks: [Webhook] = [], token: String? = nil, grantedScopes: [String]? = nil,
        faults: SandboxFaults? = nil
    ) {
        self.nextID = nextID
        self.hooks = hooks
        self.token = token
        self.grantedScopes = grantedScopes
        self.faults = faults
    }

    /// The JSON keys.
    enum CodingKeys: String, CodingKey {
        /// `next_id`.
        case nextID = "next_id"
        /// Keys spelled as the properties.
        case hooks, token, faults
        /// `granted_scopes`.
        case grantedScopes = "granted_scopes"
    }

    /// Decodes leniently: every key may be left out; `next_id` never goes below the highest hook id + 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hooks = try container.decodeIfPresent([Webhook].self, forKey: .hooks) ?? []
        let highest = hooks.map(\.id).max() ?? 0
        nextID = max(try container.decodeIfPresent(Int.self, forKey: .nextID) ?? 1, highest + 1)
        token = try container.decodeIfPresent(String.self, forKey: .token)
        grantedScopes = try container.decodeIfPresent([String].self, forKey: .grantedScopes)
        faults = try container.decodeIfPresent(SandboxFaults.self, forKey: .faults)
    }
}
