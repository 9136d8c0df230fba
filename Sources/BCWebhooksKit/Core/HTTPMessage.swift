import Foundation

/// An HTTP request as the API client builds it; header names are stored lowercased.
public struct HTTPRequest: Sendable, Equatable {
    /// The method, e.g. `GET`.
    public var method: String
    /// The absolute URL.
    public var url: URL
    /// Header fields, names lowercased.
    public var headers: [String: String]
    /// The body, if any.
    public var body: Data?

    /// Creates a request; header names are lowercased.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }
}

/// An HTTP response; header names are stored lowercased.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// Header fields, names lowercased.
    public var headers: [String: String]
    /// The body, possibly empty.
    public var body: Data

    /// Creates a response; header names are lowercased.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(
            headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }

    /// The value of a header, looked up case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
