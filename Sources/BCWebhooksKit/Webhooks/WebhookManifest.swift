import Foundation

/// What Front-Commerce needs from the store's webhooks, read from `templates/webhooks.json` (built into the binary).
public struct WebhookManifest: Sendable, Equatable, Decodable {
    /// One required webhook.
    public struct Hook: Sendable, Equatable, Decodable {
        /// The event scope, e.g. `store/product/*`.
        public let scope: String
        /// Why the app needs it.
        public let why: String
    }

    /// The path appended to the app URL, e.g. `/bigcommerce/webhook`.
    public let destinationPath: String
    /// The header carrying the shared secret, e.g. `x-bigcommerce-webhook-secret`.
    public let secretHeader: String
    /// The required webhooks, in a stable order.
    public let hooks: [Hook]

    /// The required scopes, in manifest order.
    public var scopes: [String] { hooks.map(\.scope) }

    enum CodingKeys: String, CodingKey {
        case destinationPath = "destination_path"
        case secretHeader = "secret_header"
        case hooks
    }

    /// The manifest built into the binary.
    public static let builtIn: WebhookManifest = {
        let text = EmbeddedTemplates.files["webhooks.json"] ?? ""
        do {
            return try JSONDecoder().decode(WebhookManifest.self, from: Data(text.utf8))
        } catch {
            preconditionFailure("templates/webhooks.json is not a valid manifest: \(error)")
        }
    }()
}
