import Foundation

/// The app's public URL (`FRONT_COMMERCE_URL`), checked against BigCommerce's rules for a webhook destination.
public struct AppURL: Sendable, Equatable {
    /// Why an app URL cannot be a webhook destination (exit 65).
    public struct Invalid: UserFacingError, Equatable {
        /// What is wrong with it.
        public let message: String
        /// What a valid one looks like.
        public var hint: String {
            "use the app's public https URL on port 443, e.g. https://shop.example.com (a path prefix is fine)"
        }
        /// Bad input data.
        public var exitCode: ExitCode { .dataError }
    }

    /// The URL normalised: lowercased scheme and host, no default port, no trailing slash.
    public let base: String
    /// The host, lowercased.
    public let host: String

    /// Checks `text` for use as a webhook destination: https, port 443, a host, no user info, query or fragment.
    public init(destinationBase text: String) throws(Invalid) {
        try self.init(text, allowPlainHTTP: false)
    }

    /// Checks `text` for `ping`, where plain http and any port are allowed for local apps.
    public init(pingTarget text: String) throws(Invalid) {
        try self.init(text, allowPlainHTTP: true)
    }

    private init(_ raw: String, allowPlainHTTP: Bool) throws(Invalid) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw Invalid(message: "'\(raw)' is not a URL with a host")
        }
        if scheme != "https" && !(allowPlainHTTP && scheme == "http") {
            throw Invalid(message: "the app URL must use https (BigCommerce only delivers to https), not \(scheme)")
        }
        if !allowPlainHTTP, let port = components.port, port != 443 {
            throw Invalid(message: "the app URL must be on port 443 (BigCommerce refuses other ports), not \(port)")
        }
        if components.user != nil || components.password != nil {
            throw Invalid(message: "the app URL must not contain a user name or password")
        }
        if components.query != nil || components.fragment != nil {
            throw Invalid(message: "the app URL must not contain a query (?…) or fragment (#…)")
        }
        // Normalised so that equal destinations compare equal: lowercased scheme and host, no default port.
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? ""
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        self.base = "\(scheme)://\(hostPart.lowercased())\(port)\(path)"
        self.host = host.lowercased()
    }

    /// The webhook destination: this URL followed by the manifest's path.
    public func destination(_ manifest: WebhookManifest = .builtIn) -> String {
        base + manifest.destinationPath
    }
}
