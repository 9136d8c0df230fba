import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real HTTP transport, on one URLSession shared by the whole process.
///
/// Works around FoundationNetworking's pitfalls: auth challenges (a 401 with `WWW-Authenticate`) are cancelled and
/// reported as the 401 they are instead of hanging; redirects are never followed (the 3xx is returned as is); and
/// every request has a hard deadline enforced by its own timer, not only by the session's whole-second timeouts.
public final class URLSessionTransport: HTTPTransport {
    /// The process's one session, with the delegate that answers challenges and refuses redirects.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCredentialStorage = nil
        configuration.httpAdditionalHeaders = ["User-Agent": ToolVersion.userAgent]
        // FoundationNetworking (curl) defaults to 6 connections per host, which made the 11 requests of setup's
        // first round trip queue into two. `BigCommerceClient`'s gate is what bounds concurrency (12 in flight);
        // the session must not be the narrower limit.
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        return URLSession(
            configuration: configuration, delegate: URLSessionTransportDelegate.shared, delegateQueue: nil)
    }()

    /// The most connections the session opens to one host: above `BigCommerceClient`'s in-flight bound (12).
    static let maximumConnectionsPerHost = 16

    /// The hard deadline of one request, in seconds.
    public let deadline: Double
    /// The `User-Agent` sent when the request does not carry one.
    public let userAgent: String

    /// Creates the transport; `deadline` bounds each request (CLI.md: 15 s).
    public init(deadline: Double = 15, userAgent: String = ToolVersion.userAgent) {
        self.deadline = deadline
        self.userAgent = userAgent
    }

    /// Sends `request`; a 3xx or 401 comes back as a response, no answer within the deadline as `.timedOut`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        // The session's own timeout is a backstop; the timer below is the real deadline.
        urlRequest.timeoutInterval = deadline.rounded(.up) + 1
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if request.headers["user-agent"] == nil { urlRequest.setValue(userAgent, forHTTPHeaderField: "User-Agent") }

        let pending = URLSessionPendingRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                pending.attach(continuation)
                let task = Self.session.dataTask(with: urlRequest) { data, response, error in
                    pending.finish(Self.result(data: data, response: response, error: error, pending: pending))
                }
                pending.start(task, deadline: deadline)
            }
        } onCancel: {
            pending.finish(.failure(CancellationError()))
        }
    }

    /// Turns what URLSession reported into a response or a `TransportError`.
    private static func result(
        data: Data?, response: URLResponse?, error: (any Error)?, pending: URLSessionPendingRequest
    ) -> Result<HTTPResponse, any Error> {
        if let identifier = pending.taskIdentifier,
            let challenged = URLSessionTransportDelegate.shared.takeChallengedResponse(taskIdentifier: identifier)
        {
            return .success(challenged)
        }
        if let error {
            return .failure(transportError(error))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(TransportError.connectionFailed("the server's answer was not HTTP"))
        }
        return .success(httpResponse(http, body: data ?? Data()))
    }

    /// An `HTTPResponse` from URLSession's response and body.
    static func httpResponse(_ http: HTTPURLResponse, body: Data) -> HTTPResponse {
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: body)
    }

    /// A URLSession error as a `TransportError`, without URLs or anything else from the request.
    private static func transportError(_ error: any Error) -> TransportError {
        guard let urlError = error as? URLError else {
            return .connectionFailed("the request failed (\(type(of: error)))")
        }
        switch urlError.code {
        case .timedOut: return .timedOut
        case .cannotConnectToHost: return .connectionFailed("connection refused")
        case .cannotFindHost, .dnsLookupFailed: return .connectionFailed("host name not found")
        case .networkConnectionLost: return .connectionFailed("connection lost")
        case .notConnectedToInternet: return .connectionFailed("not connected to the internet")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .connectionFailed("TLS handshake failed")
        case .badServerResponse: return .connectionFailed("bad server response")
        default: return .connectionFailed("network error \(urlError.code.rawValue)")
        }
    }
}
