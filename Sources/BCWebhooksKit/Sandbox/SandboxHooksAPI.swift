import Foundation

/// The webhooks endpoints (`/v3/hooks…`) of the simulated store, applied to its state.
struct SandboxHooksAPI {
    /// The store hash put in hooks.
    let storeHash: String
    /// The client id of the caller: it sees and owns only its hooks.
    let clientID: String
    /// The current Unix time, for `created_at` / `updated_at`.
    let now: Int

    /// The most hooks one client may have on one scope.
    static let maxHooksPerScope = 10
    /// The default page size of a list.
    static let defaultLimit = 50
    /// The largest page size of a list.
    static let maxLimit = 250

    /// Handles `method` on `/v3/hooks` + `subpath`; returns the response and whether the state changed.
    func handle(
        method: String, subpath: [String], query: [URLQueryItem], body: Data?, state: inout SandboxState
    ) -> (response: HTTPResponse, applied: Bool) {
        switch (method, subpath.count) {
        case ("GET", 0):
            return (list(query: query, state: state), false)
        case ("POST", 0):
            return create(body: body, state: &state)
        case ("GET", 1) where subpath[0] == "admin":
            return (admin(query: query, state: state), false)
        case (_, 1) where subpath[0] == "admin":
            return (methodNotAllowed(), false)
        case ("GET", 1):
            guard let index = visibleIndex(subpath[0], state: state) else { return (notFound(subpath[0]), false) }
            return (single(state.hooks[index]), false)
        case ("PUT", 1):
            return update(idText: subpath[0], body: body, state: &state)
        case ("DELETE", 1):
            guard let index = visibleIndex(subpath[0], state: state) else { return (notFound(subpath[0]), false) }
            let removed = state.hooks.remove(at: index)
            return (single(removed), true)
        case (_, 0), (_, 1):
            return (methodNotAllowed(), false)
        default:
            return (SandboxJSON.error(status: 404, title: "Not Found"), false)
        }
    }

    // MARK: - Operations

    private func list(query: [URLQueryItem], state: SandboxState) -> HTTPResponse {
        let values = Dictionary(query.compactMap { item in item.value.map { (item.name, $0) } }) { _, last in last }
        let page = max(values["page"].flatMap { Int($0) } ?? 1, 1)
        let limit = min(max(values["limit"].flatMap { Int($0) } ?? Self.defaultLimit, 1), Self.maxLimit)
        var hooks = visibleHooks(state)
        var filters: [URLQueryItem] = []
        if let text = values["is_active"], let active = Self.parseBool(text) {
            hooks = hooks.filter { $0.isActive == active }
            filters.append(URLQueryItem(name: "is_active", value: text))
        }
        if let scope = values["scope"] {
            hooks = hooks.filter { $0.scope == scope }
            filters.append(URLQueryItem(name: "scope", value: scope))
        }
        if let destination = values["destination"] {
            hooks = hooks.filter { $0.destination == destination }
            filters.append(URLQueryItem(name: "destination", value: destination))
        }
        let total = hooks.count
        let totalPages = (total + limit - 1) / limit
        let start = min((page - 1) * limit, total)
        let pageHooks = Array(hooks[start..<min(start + limit, total)])
        var links: [String: String] = ["current": link(page: page, limit: limit, filters: filters)]
        if page > 1 { links["previous"] = link(page: page - 1, limit: limit, filters: filters) }
        if page < totalPages { links["next"] = link(page: page + 1, limit: limit, filters: filters) }
        let pagination: [String: Any] = [
            "total": total, "count": pageHooks.count, "per_page": limit, "current_page": page,
            "total_pages": totalPages, "links": links,
        ]
        return SandboxJSON.response(
            status: 200,
            ["data": pageHooks.map { render($0) }, "meta": ["pagination": pagination]] as [String: Any])
    }

    private func admin(query: [URLQueryItem], state: SandboxState) -> HTTPResponse {
        var hooks = visibleHooks(state)
        if let text = query.first(where: { $0.name == "is_active" })?.value, let active = Self.parseBool(text) {
            hooks = hooks.filter { $0.isActive == active }
        }
        let list = hooks.map { hook -> [String: Any] in
            var object = render(hook)
            object["status"] = hook.isActive ? "active" : "inactive"
            return object
        }
        let pagination: [String: Any] = [
            "total": list.count, "count": list.count, "per_page": max(list.count, 1), "current_page": 1,
            "total_pages": list.isEmpty ? 0 : 1, "links": ["current": "?page=1"],
        ]
        let data: [String: Any] = ["emails": [String](), "hooks_list": list, "blocked_domains": [Any]()]
        return SandboxJSON.response(status: 200, ["data": data, "meta": ["pagination": pagination]] as [String: Any])
    }

    private func create(body: Data?, state: inout SandboxState) -> (response: HTTPResponse, applied: Bool) {
        guard let object = Self.jsonObject(body) else { return (invalidInput(), false) }
        var errors: [String: String] = [:]
        let fields = Self.fields(from: object, errors: &errors)
        if fields.scope == nil, errors["scope"] == nil { errors["scope"] = "error.path.missing" }
        if fields.destination == nil, errors["destination"] == nil { errors["destination"] = "error.path.missing" }
        guard errors.isEmpty, let scope = fields.scope, let destination = fields.destination else {
            return (unprocessable(errors), false)
        }
        if let conflict = conflict(scope: scope, destination: destination, excluding: nil, state: state) {
            return (conflict, false)
        }
        let hook = Webhook(
            id: state.nextID, clientID: clientID, storeHash: storeHash, scope: scope, destination: destination,
            headers: fields.headers ?? nil, isActive: fields.isActive ?? true, createdAt: now, updatedAt: now)
        state.nextID += 1
        state.hooks.append(hook)
        return (single(hook), true)
    }

    private func update(idText: String, body: Data?, state: inout SandboxState) -> (
        response: HTTPResponse, applied: Bool
    ) {
        guard let index = visibleIndex(idText, state: state) else { return (notFound(idText), false) }
        guard let object = Self.jsonObject(body) else { return (invalidInput(), false) }
        var errors: [String: String] = [:]
        let fields = Self.fields(from: object, errors: &errors)
        guard errors.isEmpty else { return (unprocessable(errors), false) }
        guard fields.scope != nil || fields.destination != nil || fields.isActive != nil || fields.headers != nil
        else {
            return (unprocessable(["body": "At least one field is required to perform an update"]), false)
        }
        var hook = state.hooks[index]
        let scope = fields.scope ?? hook.scope
        let destination = fields.destination ?? hook.destination
        if scope != hook.scope || destination != hook.destination,
            let conflict = conflict(scope: scope, destination: destination, excluding: hook.id, state: state)
        {
            return (conflict, false)
        }
        hook.scope = scope
        hook.destination = destination
        if let isActive = fields.isActive { hook.isActive = isActive }
        if let headers = fields.headers { hook.headers = headers }
        hook.updatedAt = now
        state.hooks[index] = hook
        return (single(hook), true)
    }

    // MARK: - Validation

    /// The create/update fields of a body; `headers` is `.some(nil)` for an explicit `null`.
    private struct Fields {
        var scope: String?
        var destination: String?
        var isActive: Bool?
        var headers: [String: String]??
    }

    private static func fields(from object: [String: Any], errors: inout [String: String]) -> Fields {
        var fields = Fields()
        if let value = object["scope"] {
            if let scope = value as? String, isValidScope(scope) {
                fields.scope = scope
            } else {
                errors["scope"] = "scope must be a webhook event such as store/product/*"
            }
        }
        if let value = object["destination"] {
            if let destination = value as? String {
                if let problem = destinationProblem(destination) {
                    errors["destination"] = problem
                } else {
                    fields.destination = destination
                }
            } else {
                errors["destination"] = "destination must be a string"
            }
        }
        if let value = object["is_active"] {
            if let isActive = value as? Bool {
                fields.isActive = isActive
            } else {
                errors["is_active"] = "is_active must be a boolean"
            }
        }
        if let value = object["headers"] {
            if value is NSNull {
                fields.headers = .some(nil)
            } else if let headers = value as? [String: Any], let strings = headers as? [String: String] {
                fields.headers = .some(strings)
            } else {
                errors["headers"] = "headers must be an object of strings"
            }
        }
        return fields
    }

    /// Whether `scope` has the form of a webhook event: `store/<noun>[/<more>]/<event or *>`.
    static func isValidScope(_ scope: String) -> Bool {
        let parts = scope.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "store" else { return false }
        for (offset, part) in parts.enumerated().dropFirst() {
            if offset == parts.count - 1, part == "*" { continue }
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else { return false }
        }
        return true
    }

    /// Why `destination` is refused, or `nil` when it is an `https` URL on port 443 with a host.
    static func destinationProblem(_ destination: String) -> String? {
        guard let components = URLComponents(string: destination), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { return "destination must be a valid URL" }
        guard scheme == "https" else { return "destination must use https" }
        if let port = components.port, port != 443 { return "destination must be served on port 443" }
        return nil
    }

    private func conflict(scope: String, destination: String, excluding id: Int?, state: SandboxState)
        -> HTTPResponse?
    {
        let others = visibleHooks(state).filter { $0.id != id && $0.scope == scope }
        if others.contains(where: { $0.destination == destination }) {
            return SandboxJSON.error(
                status: 409, title: "A webhook with this scope and destination already exists",
                errors: ["destination": "duplicate of an existing webhook for scope \(scope)"])
        }
        if others.count >= Self.maxHooksPerScope {
            return unprocessable(["scope": "at most \(Self.maxHooksPerScope) webhooks per scope"])
        }
        return nil
    }

    // MARK: - Helpers

    private func visibleHooks(_ state: SandboxState) -> [Webhook] {
        state.hooks.filter { ($0.clientID ?? clientID) == clientID }.sorted { $0.id < $1.id }
    }

    private func visibleIndex(_ idText: String, state: SandboxState) -> Int? {
        guard let id = Int(idText) else { return nil }
        return state.hooks.firstIndex { $0.id == id && ($0.clientID ?? clientID) == clientID }
    }

    private func render(_ hook: Webhook) -> [String: Any] {
        SandboxJSON.hook(hook, storeHash: storeHash, clientID: clientID)
    }

    private func single(_ hook: Webhook) -> HTTPResponse {
        SandboxJSON.response(status: 200, ["data": render(hook), "meta": [String: Any]()] as [String: Any])
    }

    private func link(page: Int, limit: Int, filters: [URLQueryItem]) -> String {
        var components = URLComponents()
        components.queryItems =
            filters + [
                URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "limit", value: String(limit)),
            ]
        return "?" + (components.percentEncodedQuery ?? "")
    }

    private func notFound(_ idText: String) -> HTTPResponse {
        SandboxJSON.error(status: 404, title: "Webhook with id [\(idText)] not found")
    }

    private func invalidInput() -> HTTPResponse {
        SandboxJSON.error(status: 400, title: "Input is invalid.")
    }

    private func unprocessable(_ errors: [String: String]) -> HTTPResponse {
        SandboxJSON.error(status: 422, title: "JSON data is missing or invalid", errors: errors)
    }

    private func methodNotAllowed() -> HTTPResponse {
        SandboxJSON.error(status: 405, title: "Method Not Allowed")
    }

    private static func jsonObject(_ body: Data?) -> [String: Any]? {
        guard let body, !body.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}
