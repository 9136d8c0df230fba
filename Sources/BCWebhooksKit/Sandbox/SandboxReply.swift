/// What the simulated store does with a request: answer it, or lose the answer.
public enum SandboxReply: Sendable, Equatable {
    /// An HTTP response is sent.
    case response(HTTPResponse)
    /// The request was handled (a write may have been applied) but its response never arrives.
    case lost
}
