import Foundation

/// The request line and header fields of one HTTP/1.x request, as the sandbox's server parses them.
struct SandboxHTTPRequestHead: Sendable, Equatable {
    /// The method, uppercased as sent (e.g. `GET`).
    var method: String
    /// The request target, e.g. `/stores/abc/v3/hooks?page=2`.
    var target: String
    /// The version, `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// Header fields, names lowercased; repeated fields joined with `, `.
    var headers: [String: String]

    /// Why a head could not be parsed.
    enum Problem: Error, Equatable {
        /// The request line or a header line is malformed.
        case malformed
        /// `Content-Length` is not a non-negative integer.
        case badContentLength
    }

    /// Parses the bytes before the blank line (without the final `\r\n\r\n`).
    static func parse(_ bytes: Data) throws(Problem) -> SandboxHTTPRequestHead {
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) else {
            throw .malformed
        }
        var lines = text.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { throw .malformed }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, !requestLine[1].isEmpty,
            requestLine[2] == "HTTP/1.1" || requestLine[2] == "HTTP/1.0"
        else { throw .malformed }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed }
            let name = line[..<colon].lowercased()
            guard !name.isEmpty, !name.contains(" ") else { throw .malformed }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let existing = headers[name] {
                headers[name] = existing + ", " + value
            } else {
                headers[name] = value
            }
        }
        let head = SandboxHTTPRequestHead(
            method: String(requestLine[0]), target: String(requestLine[1]), version: String(requestLine[2]),
            headers: headers)
        _ = try head.contentLength()
        return head
    }

    /// The body length from `Content-Length` (0 when absent).
    func contentLength() throws(Problem) -> Int {
        guard let text = headers["content-length"] else { return 0 }
        guard let length = Int(text), length >= 0 else { throw .badContentLength }
        return length
    }

    /// Whether the body is sent in chunks (not supported by the sandbox).
    var isChunked: Bool {
        guard let encoding = headers["transfer-encoding"] else { return false }
        return encoding.lowercased() != "identity"
    }

    /// Whether the client waits for `100 Continue` before sending the body.
    var expectsContinue: Bool {
        headers["expect"]?.lowercased() == "100-continue"
    }

    /// Whether the connection stays open after the response (HTTP/1.1 unless `close`; HTTP/1.0 only on `keep-alive`).
    var keepAlive: Bool {
        let tokens = (headers["connection"] ?? "").lowercased().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return !tokens.contains("close")
    }
}
