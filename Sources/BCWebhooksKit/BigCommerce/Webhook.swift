/// A webhook as BigCommerce's v3 API returns it (`GET /v3/hooks`).
public struct Webhook: Sendable, Equatable, Codable, Hashable {
    /// The hook's id.
    public var id: Int
    /// The client id of the API account that owns it.
    public var clientID: String?
    /// The store hash.
    public var storeHash: String?
    /// The event scope, e.g. `store/product/*`.
    public var scope: String
    /// The URL deliveries are POSTed to.
    public var destination: String
    /// Headers BigCommerce sends with every delivery (`null` in the API when none).
    public var headers: [String: String]?
    /// Whether deliveries are sent.
    public var isActive: Bool
    /// Creation time, Unix seconds.
    public var createdAt: Int?
    /// Last update time, Unix seconds.
    public var updatedAt: Int?

    /// Creates a webhook value.
    public init(
        id: Int, clientID: String? = nil, storeHash: String? = nil, scope: String, destination: String,
        headers: [String: String]?, isActive: Bool, createdAt: Int? = nil, updatedAt: Int? = nil
    ) {
        self.id = id
        self.clientID = clientID
        self.storeHash = storeHash
        self.scope = scope
        self.destination = destination
        self.headers = headers
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case clientID = "client_id"
        case storeHash = "store_hash"
        case scope, destination, headers
        case isActive = "is_active"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The fields of a create (`POST /v3/hooks`) or update (`PUT /v3/hooks/{id}`); `nil` fields are not sent.
public struct WebhookFields: Sendable, Equatable, Codable {
    /// The event scope.
    public var scope: String?
    /// The destination URL.
    public var destination: String?
    /// Whether the hook is active.
    public var isActive: Bool?
    /// The headers to send with each delivery.
    public var headers: [String: String]?

    /// Creates a set of fields; leave out what should not change.
    public init(
        scope: String? = nil, destination: String? = nil, isActive: Bool? = nil, headers: [String: String]? = nil
    ) {
        self.scope = scope
        self.destination = destination
        self.isActive = isActive
        self.headers = headers
    }

    enum CodingKeys: String, CodingKey {
        case scope, destination, headers
        case isActive = "is_active"
    }
}
