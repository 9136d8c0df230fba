import Foundation

/// Where a store's API is: the API base (`https://api.bigcommerce.com/stores/HASH`, no `/v3`) and the store hash.
///
/// Only `api.bigcommerce.com` over HTTPS and loopback hosts (the sandbox) are accepted, so the token is never
/// sent anywhere else; the API base is rebuilt from the validated parts, never copied from the input.
public struct StoreLocation: Sendable, Equatable, Hashable {
    /// The API base without `/v3` and without a trailing slash, e.g. `https://api.bigcommerce.com/stores/abc123`.
    public let apiBase: URL
    /// The store hash, lowercase `[a-z0-9]{1,32}`.
    public let storeHash: String

    /// The production API host.
    public static let productionHost = "api.bigcommerce.com"

    /// An example of each accepted form, for hints.
    static let formsHint =
        "give the API path (https://api.bigcommerce.com/stores/abc123/v3/), "
        + "the control panel URL (https://store-abc123.mybigcommerce.com/manage) or the bare store hash (abc123)"

    /// The value of `FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT`: the API path without `/v3`.
    public var endpointValue: String { apiBase.absoluteString }

    /// The API path as BigCommerce shows it, with `/v3/`.
    public var apiPathValue: String { apiBase.absoluteString + "/v3/" }

    /// Whether the API is on a loopback host (the sandbox) rather than BigCommerce.
    public var isLoopback: Bool { apiBase.host != Self.productionHost }

    /// The production location of the store with this hash.
    public init(storeHash: String) throws {
        let hash = try Self.validatedHash(storeHash)
        self.init(checkedBase: "https://\(Self.productionHost)", hash: hash)
    }

    private init(checkedBase: String, hash: String) {
        let base = "\(checkedBase)/stores/\(hash)"
        // Every part was validated to be URL-safe ASCII, so this cannot fail; keep a harmless fallback anyway.
        self.apiBase = URL(string: base) ?? URL(fileURLWithPath: "/")
        self.storeHash = hash
    }

    /// Parses an API path, the `FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT` form, a control panel URL or a bare hash.
    public static func parse(_ input: String) throws -> StoreLocation {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ParseError.empty }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7f && $0 != "\\" })
        else { throw ParseError.malformed("it contains spaces, backslashes or characters a URL cannot hold") }
        guard text.contains("/") || text.contains(":") || text.contains(".") else {
            return try StoreLocation(storeHash: text)
        }
        let withScheme = text.contains("://") ? text : "https://" + text
        guard let parts = URLComponents(string: withScheme), let rawHost = parts.host, !rawHost.isEmpty,
            let scheme = parts.scheme?.lowercased()
        else { throw ParseError.malformed("it is not a URL") }
        guard parts.user == nil, parts.password == nil else { throw ParseError.userInfo }
        guard scheme == "https" || scheme == "http" else { throw ParseError.scheme(scheme) }
        let host = rawHost.lowercased()
        if let hash = controlPanelHash(host: host) {
            return try StoreLocation(storeHash: hash)
        }
        if host == productionHost {
            guard scheme == "https" else { throw ParseError.notHTTPS }
            guard parts.port == nil || parts.port == 443 else { throw ParseError.port }
            guard parts.percentEncodedQuery == nil, parts.percentEncodedFragment == nil else {
                throw ParseError.malformed("an API path has no query or fragment")
            }
            let hash = try storeHash(fromPath: parts.percentEncodedPath)
            return StoreLocation(checkedBase: "https://\(productionHost)", hash: hash)
        }
        guard let loopback = loopbackHostForURL(host) else { throw ParseError.hostNotAllowed(host) }
        guard parts.percentEncodedQuery == nil, parts.percentEncodedFragment == nil else {
            throw ParseError.malformed("an API path has no query or fragment")
        }
        let hash = try storeHash(fromPath: parts.percentEncodedPath)
        let port = parts.port.map { ":\($0)" } ?? ""
        return StoreLocation(checkedBase: "\(scheme)://\(loopback)\(port)", hash: hash)
    }

    /// Checks a store hash (`[a-z0-9]{1,32}` after lowercasing) and returns it lowercased.
    public static func validatedHash(_ input: String) throws -> String {
        let hash = input.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !hash.isEmpty, hash.count <= 32,
            hash.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        else { throw ParseError.badHash }
        return hash
    }

    /// The hash in a control panel host `store-HASH.mybigcommerce.com`, if it is one.
    private static func controlPanelHash(host: String) -> String? {
        let prefix = "store-"
        let suffix = ".mybigcommerce.com"
        guard host.hasPrefix(prefix), host.hasSuffix(suffix), host.count > prefix.count + suffix.count else {
            return nil
        }
        return String(host.dropFirst(prefix.count).dropLast(suffix.count))
    }

    /// The hash in `/stores/HASH`, `/stores/HASH/`, `/stores/HASH/v3` or `/stores/HASH/v3/`.
    private static func storeHash(fromPath path: String) throws -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.first == "" { segments.removeFirst() }
        if segments.last == "" { segments.removeLast() }
        if segments.count == 3, segments[2].lowercased() == "v3" { segments.removeLast() }
        guard segments.count == 2, segments[0].lowercased() == "stores" else {
            throw ParseError.malformed("the path is not /stores/HASH/v3/")
        }
        return try validatedHash(segments[1])
    }

    /// The host as it goes in a URL when it is a loopback address (`127.0.0.0/8`, `localhost`, `[::1]`), else `nil`.
    private static func loopbackHostForURL(_ host: String) -> String? {
        if host == "localhost" { return "localhost" }
        if host == "[::1]" || host == "::1" { return "[::1]" }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return nil }
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy(\.isASCII), octet.allSatisfy(\.isNumber),
                let value = Int(octet), value <= 255, String(value) == octet
            else { return nil }
        }
        return host
    }
}
