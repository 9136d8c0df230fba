import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One in-flight URLSession request: resumes its continuation exactly once, from the completion handler, the
/// deadline timer or cancellation, whichever comes first, and cancels the task when it is not the one finishing.
final class URLSessionPendingRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var task: URLSessionDataTask?
    private var finished = false
    private var pendingResult: Result<HTTPResponse, any Error>?

    /// The task's identifier once started.
    var taskIdentifier: Int? { lock.withLock { task?.taskIdentifier } }

    /// Attaches the continuation; resumes it at once if the request already finished (cancelled early).
    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        let early: Result<HTTPResponse, any Error>? = lock.withLock {
            if let result = pendingResult { return result }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// Starts `task` and a timer that fails the request with `.timedOut` after `deadline` seconds.
    func start(_ task: URLSessionDataTask, deadline: Double) {
        let alreadyFinished = lock.withLock {
            self.task = task
            return finished
        }
        guard !alreadyFinished else {
            task.cancel()
            return
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { [self] in
            finish(.failure(TransportError.timedOut))
        }
        task.resume()
    }

    /// Finishes the request with `result` unless it already finished; cancels the task if still running.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        let (continuation, task): (CheckedContinuation<HTTPResponse, any Error>?, URLSessionDataTask?) = lock.withLock {
            guard !finished else { return (nil, nil) }
            finished = true
            let waiting = self.continuation
            self.continuation = nil
            if waiting == nil { pendingResult = result }
            return (waiting, self.task)
        }
        continuation?.resume(with: result)
        if let task, task.state == .running || task.state == .suspended { task.cancel() }
    }
}
