/// Sends one HTTP request and returns its response: the seam between the API client and the network.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; throws `TransportError` when no response arrives.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// Why a request got no HTTP response.
public enum TransportError: Error, Sendable, Equatable {
    /// The connection could not be made or was dropped before a response.
    case connectionFailed(String)
    /// No response within the deadline.
    case timedOut
}
