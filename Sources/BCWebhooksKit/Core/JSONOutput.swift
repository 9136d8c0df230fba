import Foundation

/// Encodes results for `--json`: compact, keys sorted, slashes unescaped.
enum JSONOutput {
    /// The JSON text of `value`.
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
