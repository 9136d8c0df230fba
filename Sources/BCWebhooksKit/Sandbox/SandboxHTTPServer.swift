import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 server on POSIX sockets, bound to 127.0.0.1 only, that hands each request to a handler.
///
/// One thread per connection (bounded; extra connections get 503), keep-alive unless `Connection: close`,
/// `Content-Length` bodies only, 431 for oversized heads and 413 for oversized bodies. A `.lost` reply is sent
/// as a truncated response and the connection is closed, so the client sees a dropped connection.
public final class SandboxHTTPServer: Sendable {
    /// Answers one request.
    public typealias Handler = @Sendable (HTTPRequest) async -> SandboxReply

    /// The largest request head accepted, in bytes.
    public static let maxHeadBytes = 16 * 1024
    /// The largest request body accepted, in bytes.
    public static let maxBodyBytes = 1024 * 1024

    /// Why the server could not start.
    public struct Failure: UserFacingError, Equatable {
        /// What happened.
        public let message: String
        /// What to do.
        public let hint: String
        /// The exit code.
        public var exitCode: ExitCode { .unavailable }
    }

    private let handler: Handler
    private let requestedPort: UInt16
    private let maxConnections: Int
    private let idleTimeoutSeconds: Int
    private let shared = Mutex(Shared())
    private let acceptFinished = DispatchSemaphore(value: 0)

    private struct Shared {
        var listener: Int32 = -1
        var port: UInt16 = 0
        var connections: Set<Int32> = []
        var started = false
        var stopped = false
    }

    private final class ReplyBox: Sendable {
        let reply = Mutex<SandboxReply?>(nil)
    }

    /// Creates a server for `port` (0 picks a free one) that answers with `handler`; call `start()` to listen.
    public init(
        port: UInt16 = 0, maxConnections: Int = 32, idleTimeoutSeconds: Int = 30, handler: @escaping Handler
    ) {
        self.requestedPort = port
        self.maxConnections = max(maxConnections, 1)
        self.idleTimeoutSeconds = max(idleTimeoutSeconds, 1)
        self.handler = handler
    }

    /// The port listened on (the chosen one when created with port 0), or 0 before `start()`.
    public var port: UInt16 {
        shared.withLock { $0.port }
    }

    /// The number of open client connections.
    public var openConnectionCount: Int {
        shared.withLock { $0.connections.count }
    }

    /// Binds 127.0.0.1:`port`, listens, and starts accepting on a background thread; returns the port.
    @discardableResult
    public func start() throws -> UInt16 {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else {
            throw Failure(message: "cannot open a socket (\(String(cString: strerror(errno))))", hint: "")
        }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requestedPort.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw Failure(
                message: "cannot listen on 127.0.0.1:\(requestedPort) (\(reason))",
                hint: "choose another port with --port, or --port 0 for any free one")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = UInt16(bigEndian: actual.sin_port)
        shared.withLock { state in
            state.listener = listener
            state.port = port
            state.started = true
        }
        Thread.detachNewThread { [self] in
            acceptLoop(listener)
        }
        return port
    }

    /// Stops accepting, closes idle and open connections, and waits for the accept thread to end.
    public func stop() {
        let listener: Int32? = shared.withLock { state in
            guard state.started, !state.stopped else { return nil }
            state.stopped = true
            for connection in state.connections { shutdown(connection, Int32(SHUT_RDWR)) }
            shutdown(state.listener, Int32(SHUT_RDWR))
            return state.listener
        }
        guard let listener else { return }
        acceptFinished.wait()
        close(listener)
    }

    deinit {
        stop()
    }

    // MARK: - Accepting

    private func acceptLoop(_ listener: Int32) {
        defer { acceptFinished.signal() }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if shared.withLock({ $0.stopped }) { return }
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    usleep(50_000)
                    continue
                }
                return
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let admitted = shared.withLock { state -> Bool in
                guard !state.stopped, state.connections.count < maxConnections else { return false }
                state.connections.insert(client)
                return true
            }
            guard admitted else {
                sendAll(client, Self.simpleResponse(status: 503, message: "too many connections"))
                close(client)
                continue
            }
            Thread.detachNewThread { [self] in
                serve(client)
                shared.withLock { _ = $0.connections.remove(client) }
                close(client)
            }
        }
    }

    // MARK: - One connection

    private func serve(_ connection: Int32) {
        var timeout = timeval(tv_sec: idleTimeoutSeconds, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let separator = Data([13, 10, 13, 10])
        var buffer = Data()
        while true {
            // The head.
            var headEnd = buffer.range(of: separator)
            while headEnd == nil {
                if buffer.count > Self.maxHeadBytes {
                    sendAll(connection, Self.simpleResponse(status: 431, message: "request header fields too large"))
                    return
                }
                guard receive(connection, into: &buffer) else { return }
                headEnd = buffer.range(of: separator)
            }
            guard let headRange = headEnd else { return }
            guard headRange.lowerBound - buffer.startIndex <= Self.maxHeadBytes else {
                sendAll(connection, Self.simpleResponse(status: 431, message: "request header fields too large"))
                return
            }
            let head: SandboxHTTPRequestHead
            let length: Int
            do {
                head = try SandboxHTTPRequestHead.parse(Data(buffer[buffer.startIndex..<headRange.lowerBound]))
                length = try head.contentLength()
            } catch {
                sendAll(connection, Self.simpleResponse(status: 400, message: "malformed request"))
                return
            }
            buffer = Data(buffer[headRange.upperBound...])
            guard !head.isChunked else {
                sendAll(connection, Self.simpleResponse(status: 411, message: "a Content-Length body is required"))
                return
            }
            guard length <= Self.maxBodyBytes else {
                sendAll(connection, Self.simpleResponse(status: 413, message: "request body too large"))
                return
            }
            // The body.
            if head.expectsContinue, buffer.count < length {
                sendAll(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            }
            while buffer.count < length {
                guard receive(connection, into: &buffer) else { return }
            }
            let body = length > 0 ? Data(buffer.prefix(length)) : nil
            buffer = Data(buffer.dropFirst(length))

            let port = self.port
            let url: URL?
            if head.target.hasPrefix("/") {
                url = URL(string: "http://127.0.0.1:\(port)\(head.target)")
            } else {
                url = URL(string: head.target)
            }
            guard let url else {
                sendAll(connection, Self.simpleResponse(status: 400, message: "malformed request target"))
                return
            }
            let request = HTTPRequest(method: head.method, url: url, headers: head.headers, body: body)
            let keepAlive = head.keepAlive && !shared.withLock { $0.stopped }
            switch runHandler(request) {
            case .response(let response):
                sendAll(connection, Self.serialize(response, keepAlive: keepAlive))
                if !keepAlive { return }
            case .lost:
                let partial =
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1024\r\n\r\n{\"data\":"
                sendAll(connection, Data(partial.utf8))
                shutdown(connection, Int32(SHUT_RDWR))
                return
            }
        }
    }

    /// Runs the async handler from this connection's thread and waits for its reply.
    private func runHandler(_ request: HTTPRequest) -> SandboxReply {
        let box = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        let handler = self.handler
        Task {
            let reply = await handler(request)
            box.reply.withLock { $0 = reply }
            done.signal()
        }
        done.wait()
        return box.reply.withLock { $0 } ?? .lost
    }

    /// Appends what arrives on `connection` to `buffer`; `false` at end of stream, on error or on idle timeout.
    private func receive(_ connection: Int32, into buffer: inout Data) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    private func sendAll(_ connection: Int32, _ data: Data) {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var sent = 0
            while sent < buffer.count {
                let result = send(connection, base + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if result < 0 {
                    if errno == EINTR { continue }
                    return
                }
                sent += result
            }
        }
    }

    // MARK: - Wire format

    /// The bytes of `response`, with `Content-Length` and `Connection` set.
    static func serialize(_ response: HTTPResponse, keepAlive: Bool) -> Data {
        var headers = response.headers
        headers["content-length"] = String(response.body.count)
        headers["connection"] = keepAlive ? "keep-alive" : "close"
        var text = "HTTP/1.1 \(response.status) \(reasonPhrase(response.status))\r\n"
        for name in headers.keys.sorted() {
            guard let value = headers[name] else { continue }
            let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            text += "\(displayName(name)): \(clean)\r\n"
        }
        text += "\r\n"
        return Data(text.utf8) + response.body
    }

    /// A JSON error response that closes the connection, for protocol-level failures.
    static func simpleResponse(status: Int, message: String) -> Data {
        serialize(SandboxJSON.error(status: status, title: message), keepAlive: false)
    }

    private static func displayName(_ name: String) -> String {
        name.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: "-")
    }

    private static func reasonPhrase(_ status: Int) -> String {
        let phrases = [
            100: "Continue", 200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
            403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 411: "Length Required",
            413: "Content Too Large", 422: "Unprocessable Entity", 429: "Too Many Requests",
            431: "Request Header Fields Too Large", 500: "Internal Server Error", 502: "Bad Gateway",
            503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return phrases[status] ?? "Status"
    }
}
