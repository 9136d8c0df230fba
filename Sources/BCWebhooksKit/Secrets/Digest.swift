import COpenSSL

/// HMAC-SHA256 and SHA-1 through OpenSSL.
enum Digest {
    /// The HMAC-SHA256 of `message` keyed with `key` (32 bytes).
    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let status = key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    bcw_hmac_sha256(
                        keyBuffer.baseAddress, Int32(keyBuffer.count), messageBuffer.baseAddress, messageBuffer.count,
                        outBuffer.baseAddress)
                }
            }
        }
        precondition(status == 1, "OpenSSL HMAC-SHA256 failed")
        return out
    }

    /// The SHA-1 digest of `message` as 40 lowercase hex digits (BigCommerce's payload `hash`).
    static func sha1Hex(_ message: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: 20)
        let status = message.withUnsafeBufferPointer { messageBuffer in
            out.withUnsafeMutableBufferPointer {
                bcw_sha1(messageBuffer.baseAddress, messageBuffer.count, $0.baseAddress)
            }
        }
        precondition(status == 1, "OpenSSL SHA-1 failed")
        return SecretFormat.hex.encode(out)
    }
}
