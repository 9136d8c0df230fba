/// The result of `check`, in the `check --json` shape of CLI.md.
struct CheckReport: Encodable {
    /// Whether the credentials worked.
    struct Credentials: Encodable {
        /// Whether the token and store hash were accepted.
        let ok: Bool
    }

    /// One required scope.
    struct Scope: Encodable {
        /// The control-panel name.
        let name: String
        /// The OAuth name.
        let oauth: String
        /// Whether it is granted; `nil` (JSON null) when the probe could not tell.
        let granted: Bool?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(oauth, forKey: .oauth)
            try container.encode(granted, forKey: .granted)
        }

        enum CodingKeys: String, CodingKey { case name, oauth, granted }
    }

    /// One required webhook.
    struct Hook: Encodable {
        /// Its scope.
        let scope: String
        /// How it stands.
        let status: WebhookStatus
        /// The matched hook's id; `nil` (JSON null) when missing.
        let id: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scope, forKey: .scope)
            try container.encode(status, forKey: .status)
            try container.encode(id, forKey: .id)
        }

        enum CodingKeys: String, CodingKey { case scope, status, id }
    }

    /// The env file's consistency.
    struct EnvFileState: Encodable {
        /// The path, as shown to the user.
        let path: String
        /// Whether no problem was found.
        let ok: Bool
        /// The problems found.
        let problems: [String]
    }

    /// Whether everything is healthy.
    let ok: Bool
    /// The store checked.
    let storeHash: String
    /// The credentials' state.
    let credentials: Credentials
    /// Every required scope.
    let scopes: [Scope]
    /// Every required webhook.
    let webhooks: [Hook]
    /// The env file's state.
    let envFile: EnvFileState

    enum CodingKeys: String, CodingKey {
        case ok, credentials, scopes, webhooks
        case storeHash = "store_hash"
        case envFile = "env_file"
    }
}
