import Foundation
import Testing

@testable import BCWebhooksKit

#if canImport(Glibc)
    import Glibc
#endif

/// A bare TCP client on 127.0.0.1 for exercising the sandbox server's wire protocol.
///
/// Its reads block: use it inside `OffPool.run`, never directly on the cooperative pool.
struct SandboxRawClient {
    /// The connected socket.
    let descriptor: Int32

    /// Connects to 127.0.0.1:`port` (5 s read timeout).
    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw TransportError.connectionFailed("connect failed")
        }
    }

    /// Sends `text` completely.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count <= 0 { return }
            sent += count
        }
    }

    /// Reads one response (head + Content-Length body); `nil` if the connection closes first.
    func readResponse() -> (head: String, body: String)? {
        var buffer = Data()
        while true {
            if let end = buffer.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                let length =
                    head.components(separatedBy: "\r\n").compactMap { line -> Int? in
                        let parts = line.split(separator: ":", maxSplits: 1)
                        guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                        return Int(parts[1].trimmingCharacters(in: .whitespaces))
                    }.first ?? 0
                while buffer.count - (end.upperBound - buffer.startIndex) < length {
                    guard receive(into: &buffer) else { return nil }
                }
                let body = buffer[end.upperBound..<(end.upperBound + length)]
                return (head, String(decoding: body, as: UTF8.self))
            }
            guard receive(into: &buffer) else { return nil }
        }
    }

    /// Whether the peer closed the connection (reads end of stream).
    func isClosedByPeer() -> Bool {
        var buffer = Data()
        return !receive(into: &buffer)
    }

    private func receive(into buffer: inout Data) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// Closes the socket.
    func closeConnection() { close(descriptor) }
}
