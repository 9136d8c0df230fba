/// An `HTTPTransport` that hands requests straight to an in-process `SandboxStore` (no sockets): `--sandbox`.
public struct SandboxTransport: HTTPTransport {
    /// The store that answers.
    public let store: SandboxStore

    /// Creates a transport over `store`.
    public init(store: SandboxStore) {
        self.store = store
    }

    /// Answers from the store; a lost response throws `TransportError.connectionFailed`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        switch await store.process(request) {
        case .response(let response):
            return response
        case .lost:
            throw TransportError.connectionFailed("the connection closed before a complete response")
        }
    }
}
