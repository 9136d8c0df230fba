/// A failure talking to BigCommerce, phrased so a person can act on it; never holds a token or secret.
public enum BigCommerceError: UserFacingError, Equatable {
    /// 401: the token is not valid for this store (exit 77).
    case tokenRejected(storeHash: String)
    /// 403 on a request that is not a scope probe: the token may not do it (exit 77).
    case forbidden(request: String, detail: String?)
    /// Required scopes are missing, in catalogue order (exit 77).
    case missingScopes([RequiredScope])
    /// 404: the thing asked for does not exist (exit 65).
    case notFound(request: String)
    /// 409 or 422 on a create: possibly a duplicate of an existing hook; list again before deciding (exit 65).
    case conflict(status: Int, title: String, fieldErrors: [String: String])
    /// Another 4xx: BigCommerce refused the request; field errors as it gave them (exit 65 for 400/409/422, else 1).
    case rejected(request: String, status: Int, title: String, fieldErrors: [String: String])
    /// A write whose response was lost or garbled: it may or may not have taken effect (exit 69).
    case outcomeUnknown(request: String, reason: String)
    /// BigCommerce could not be reached or kept failing after retries (exit 69).
    case unavailable(request: String, reason: String)
    /// A success response whose JSON does not have the expected shape (exit 69).
    case unexpectedResponse(request: String, reason: String)

    /// What happened.
    public var message: String {
        switch self {
        case .tokenRejected(let hash):
            return "token rejected for store \(hash)"
        case .forbidden(let request, let detail):
            return "BigCommerce refused \(request) (403)" + (detail.map { ": \($0)" } ?? "")
        case .missingScopes(let scopes):
            let names = scopes.map { "\($0.controlPanelName) (\($0.oauthName))" }.joined(separator: ", ")
            return "the API account lacks required scopes: \(names)"
        case .notFound(let request):
            return "\(request): not found (404)"
        case .conflict(let status, let title, let fields):
            return "BigCommerce refused to create the webhook (\(status)): \(Self.describe(title, fields))"
        case .rejected(let request, let status, let title, let fields):
            return "BigCommerce refused \(request) (\(status)): \(Self.describe(title, fields))"
        case .outcomeUnknown(let request, let reason):
            return "could not tell whether \(request) took effect: \(reason)"
        case .unavailable(let request, let reason):
            return "BigCommerce did not answer \(request) usefully: \(reason)"
        case .unexpectedResponse(let request, let reason):
            return "BigCommerce's answer to \(request) was not understood: \(reason)"
        }
    }

    /// What to do.
    public var hint: String {
        switch self {
        case .tokenRejected:
            return "check that FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN is the ACCESS TOKEN of an API account of this "
                + "store and that the store hash is right; a deleted API account's token stops working"
        case .forbidden:
            return "edit the store-level API account in the control panel (Settings → API → Store-level API "
                + "accounts) and grant the scope this needs"
        case .missingScopes(let scopes):
            let names = scopes.map(\.controlPanelName).joined(separator: ", ")
            return "in the control panel (Settings → API → Store-level API accounts), edit the API account and set "
                + "read-only (or modify) on: \(names)"
        case .notFound(let request):
            return request.contains("/v3/hooks/")
                ? "the webhook is gone; run 'bc-webhooks list' to see which exist"
                : "BigCommerce does not know this store: check the store hash in the API path (--api-path or "
                    + "FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT)"
        case .conflict:
            return "a webhook with the same scope and destination probably exists already; list the webhooks"
        case .rejected:
            return "fix the values named above and run the command again"
        case .outcomeUnknown:
            return "run the command again: it reads the store's webhooks first, so nothing is created twice"
        case .unavailable:
            return "check the network and https://status.bigcommerce.com, then try again"
        case .unexpectedResponse:
            return "try again; if it keeps happening, report it with the output of --verbose"
        }
    }

    /// The exit code (CLI.md).
    public var exitCode: ExitCode {
        switch self {
        case .tokenRejected, .forbidden, .missingScopes: .permissionDenied
        case .notFound, .conflict: .dataError
        case .rejected(_, let status, _, _): [400, 409, 422].contains(status) ? .dataError : .failure
        case .outcomeUnknown, .unavailable, .unexpectedResponse: .unavailable
        }
    }

    /// `title` followed by each field error as `field: message`, sorted by field.
    private static func describe(_ title: String, _ fields: [String: String]) -> String {
        let details = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return ([title] + details).filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
