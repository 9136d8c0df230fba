import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real HTTP transport on URLSession (to be completed with the API client).
public final class URLSessionTransport: HTTPTransport {
    /// Creates the transport.
    public init() {}

    /// Not available yet.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TransportError.connectionFailed("not available yet")
    }
}
