import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for URLSessionTransport tests: one canned reply per request path.
final class LoopbackTestServer: @unchecked Sendable {
    /// What the server does with a request.
    enum Reply: Sendable {
        /// Writes this raw HTTP response, then closes the connection.
        case raw(String)
        /// Reads the request and never answers (until the server stops).
        case hang
    }

    /// The port it listens on.
    private(set) var port: UInt16 = 0
    private let handler: @Sendable (String) -> Reply
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var openConnections: [Int32] = []
    private var seenPaths: [String] = []
    private var seenHeads: [String] = []

    /// Creates a server answering each request path with `handler`'s reply.
    init(handler: @escaping @Sendable (String) -> Reply) {
        self.handler = handler
    }

    /// Request paths received so far, in order.
    var paths: [String] { lock.withLock { seenPaths } }

    /// Raw request heads received so far.
    var heads: [String] { lock.withLock { seenHeads } }

    /// The URL of `path` on this server.
    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    /// Binds to a free port and starts accepting connections.
    func start() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        lock.withLock { listener = fd }
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.start()
    }

    /// Stops listening and closes every connection still open.
    func stop() {
        let (fd, connections) = lock.withLock {
            let result = (listener, openConnections)
            listener = -1
            openConnections = []
            return result
        }
        if fd >= 0 {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
        for connection in connections {
            shutdown(connection, Int32(SHUT_RDWR))
            close(connection)
        }
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let connection = accept(fd, nil, nil)
            guard connection >= 0 else { return }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.containsHeadEnd {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else {
                close(connection)
                return
            }
            received += buffer[0..<count]
        }
        let head = String(decoding: received, as: UTF8.self)
        let path = head.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        lock.withLock {
            seenPaths.append(path)
            seenHeads.append(head)
        }
        switch handler(path) {
        case .raw(let text):
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            shutdown(connection, Int32(SHUT_RDWR))
            close(connection)
        case .hang:
            lock.withLock { openConnections.append(connection) }
        }
    }
}

extension [UInt8] {
    /// Whether the bytes contain the blank line ending an HTTP head.
    fileprivate var containsHeadEnd: Bool {
        guard count >= 4 else { return false }
        for index in 0...(count - 4)
        where self[index] == 13 && self[index + 1] == 10 && self[index + 2] == 13 && self[index + 3] == 10 {
            return true
        }
        return false
    }
}
