import Foundation

/// The fields of BigCommerce's downloaded API credentials `.txt`, parsed by their labels (one per line or all on
/// one line); labels it does not know (e.g. `CLIENT NAME`) are skipped.
public struct CredentialsFile: Sendable, Equatable {
    /// ACCESS TOKEN: the `X-Auth-Token` value.
    public var accessToken: String
    /// CLIENT ID, if present.
    public var clientID: String?
    /// CLIENT SECRET, if present.
    public var clientSecret: String?
    /// NAME: the API account's name, if present (may contain spaces).
    public var name: String?
    /// API PATH as written in the file, if present; see `storeLocation()`.
    public var apiPath: String?

    /// The labels recognised, longest first so `CLIENT NAME` is never read as `NAME`.
    private static let labels = ["CLIENT SECRET", "ACCESS TOKEN", "CLIENT NAME", "CLIENT ID", "API PATH", "NAME"]

    /// Creates credentials from their fields.
    public init(
        accessToken: String, clientID: String? = nil, clientSecret: String? = nil, name: String? = nil,
        apiPath: String? = nil
    ) {
        self.accessToken = accessToken
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.name = name
        self.apiPath = apiPath
    }

    /// Reads and parses the file at `path`; unreadable or without a token → exit 65.
    public static func read(path: String) throws -> CredentialsFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError.unreadable(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw ReadError.unreadable(path: path)
        }
        return try parse(text, source: path)
    }

    /// Parses the text of a credentials file; `source` names it in errors.
    public static func parse(_ text: String, source: String = "the credentials file") throws -> CredentialsFile {
        let fields = labelledFields(in: Array(text.unicodeScalars))
        guard let token = fields["ACCESS TOKEN"].flatMap(firstRun) else {
            throw ReadError.noToken(path: source)
        }
        let name = fields["NAME"].map { value in
            String(String.UnicodeScalarView(value.prefix { $0 != "\n" && $0 != "\r" }))
                .trimmingCharacters(in: .whitespaces)
        }
        return CredentialsFile(
            accessToken: token,
            clientID: fields["CLIENT ID"].flatMap(firstRun),
            clientSecret: fields["CLIENT SECRET"].flatMap(firstRun),
            name: name?.isEmpty == false ? name : nil,
            apiPath: fields["API PATH"].flatMap(firstRun))
    }

    /// The store location from API PATH, or `nil` when the file has none; a bad path → exit 65.
    public func storeLocation() throws -> StoreLocation? {
        try apiPath.map(StoreLocation.parse)
    }

    /// The raw text after each label's colon, up to the next label; the first occurrence of a label wins.
    private static func labelledFields(in scalars: [Unicode.Scalar]) -> [String: [Unicode.Scalar]] {
        var found: [(label: String, start: Int, valueStart: Int)] = []
        var index = 0
        while index < scalars.count {
            let atWordStart = index == 0 || !isLetter(scalars[index - 1])
            if atWordStart, let (label, valueStart) = label(at: index, in: scalars) {
                found.append((label, index, valueStart))
                index = valueStart
            } else {
                index += 1
            }
        }
        var fields: [String: [Unicode.Scalar]] = [:]
        for (position, match) in found.enumerated() where fields[match.label] == nil {
            let end = position + 1 < found.count ? found[position + 1].start : scalars.count
            fields[match.label] = Array(scalars[match.valueStart..<end])
        }
        return fields
    }

    /// The label starting at `index` (case-insensitive, then optional blanks and a colon) and where its value starts.
    private static func label(at index: Int, in scalars: [Unicode.Scalar]) -> (String, Int)? {
        for label in labels {
            let wanted = Array(label.unicodeScalars)
            guard index + wanted.count <= scalars.count else { continue }
            let candidate = scalars[index..<index + wanted.count]
            guard zip(candidate, wanted).allSatisfy({ upper($0) == $1 }) else { continue }
            var cursor = index + wanted.count
            while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor += 1 }
            if cursor < scalars.count, scalars[cursor] == ":" { return (label, cursor + 1) }
        }
        return nil
    }

    /// The first run of non-whitespace characters, or `nil` when there is none.
    private static func firstRun(_ value: [Unicode.Scalar]) -> String? {
        let run = value.drop { isSpace($0) }.prefix { !isSpace($0) }
        return run.isEmpty ? nil : String(String.UnicodeScalarView(run))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    private static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32) ?? scalar : scalar
    }
}
