/// Something worth telling the user about an env file edit that still went ahead.
public enum DotEnvWarning: Sendable, Equatable {
    /// The key is assigned on several lines; the last one (what dotenv readers use) was updated.
    case duplicateKey(key: String, lines: [Int], updatedLine: Int)

    /// The warning as one human-readable sentence.
    public var message: String {
        switch self {
        case .duplicateKey(let key, let lines, let updatedLine):
            let others = lines.filter { $0 != updatedLine }.map(String.init).joined(separator: ", ")
            return
                "\(key) is set on several lines (\(lines.map(String.init).joined(separator: ", "))); "
                + "updated line \(updatedLine), the one dotenv readers use; remove the duplicate on "
                + (lines.count > 2 ? "lines " : "line ") + others
        }
    }
}
