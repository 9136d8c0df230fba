import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session delegate: cancels every authentication challenge (remembering the 401 that raised it, so the
/// transport can return it) and refuses every redirect.
final class URLSessionTransportDelegate: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    /// The one delegate of the process's one session.
    static let shared = URLSessionTransportDelegate()

    private let lock = NSLock()
    private var challenged: [Int: HTTPResponse] = [:]

    /// Cancels the challenge and records the response that raised it (a 401 when nothing better is known).
    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        let raised = (challenge.failureResponse ?? task.response) as? HTTPURLResponse
        let response = raised.map { URLSessionTransport.httpResponse($0, body: Data()) } ?? HTTPResponse(status: 401)
        lock.withLock { challenged[task.taskIdentifier] = response }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// Never follows a redirect: the 3xx itself becomes the task's response.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// The response recorded for a challenged task, removed as it is read; `nil` if the task was not challenged.
    func takeChallengedResponse(taskIdentifier: Int) -> HTTPResponse? {
        lock.withLock { challenged.removeValue(forKey: taskIdentifier) }
    }
}
