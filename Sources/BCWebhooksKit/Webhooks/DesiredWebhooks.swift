import Foundation

/// The webhooks the store should have: the manifest's scopes, each to the app's destination, active,
/// carrying the secret header.
public struct DesiredWebhooks: Sendable, Equatable {
    /// The manifest the scopes and header name come from.
    public let manifest: WebhookManifest
    /// The app whose endpoint receives deliveries.
    public let app: AppURL
    /// The shared secret every hook must send.
    public let secret: String

    /// Creates the desired state.
    public init(manifest: WebhookManifest = .builtIn, app: AppURL, secret: String) {
        self.manifest = manifest
        self.app = app
        self.secret = secret
    }

    /// The destination every required hook points to.
    public var destination: String { app.destination(manifest) }

    /// The secret header's value on `hook`, looked up case-insensitively.
    public func secretHeaderValue(of hook: Webhook) -> String? {
        hook.headers?.first { $0.key.lowercased() == manifest.secretHeader.lowercased() }?.value
    }

    /// The headers a hook should carry: its other headers kept, the secret header set.
    public func headers(keepingOthersOf hook: Webhook?) -> [String: String] {
        var headers = (hook?.headers ?? [:]).filter { $0.key.lowercased() != manifest.secretHeader.lowercased() }
        headers[manifest.secretHeader] = secret
        return headers
    }

    /// Whether `hook` is on the app's own host (any scheme, port or path).
    func isOnAppHost(_ hook: Webhook) -> Bool {
        URLComponents(string: hook.destination)?.host?.lowercased() == app.host
    }
}
