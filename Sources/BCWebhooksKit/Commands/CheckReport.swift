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
        /// Whether it is granted; JSON null when the probe could not tell.
        let granted: ExplicitNull<Bool>
    }

    /// One required webhook.
    struct Hook: Encodable {
        /// Its scope.
        let scope: String
        /// How it stands.
        let status: WebhookStatus
        /// The matched hook's id; JSON null when missing.
        let id: ExplicitNull<Int>
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
