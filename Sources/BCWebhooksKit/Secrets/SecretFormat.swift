import Foundation

/// How a secret's random bytes are spelled out.
public enum SecretFormat: String, Sendable, CaseIterable {
    /// Lowercase hexadecimal, like `openssl rand -hex`.
    case hex
    /// Standard base64 with padding, like `openssl rand -base64`.
    case base64
    /// URL-safe base64 without padding.
    case base64url

    /// Encodes `bytes` in this format.
    public func encode(_ bytes: [UInt8]) -> String {
        switch self {
        case .hex:
            let digits = Array("0123456789abcdef".utf8)
            var out = [UInt8]()
            out.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
            return String(decoding: out, as: UTF8.self)
        case .base64:
            return Data(bytes).base64EncodedString()
        case .base64url:
            return Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
    }
}
