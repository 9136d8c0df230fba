/// An env file held losslessly: read values, set one, and render every untouched byte as it was.
///
/// Comments, blank lines, order, `export ` prefixes, quoting styles, CRLF or CR line ends, a missing
/// final newline, a UTF-8 byte order mark and multi-line quoted values all survive `render()`.
/// Values are read the way python-dotenv reads them (see `DotEnvParser`), last assignment winning.
public struct DotEnvDocument: Sendable, Equatable {
    /// An edit that would change how the rest of the file reads, so it was not made.
    public struct UnsafeEdit: UserFacingError, Equatable {
        /// The key being set.
        public let key: String
        /// Why the edit is unsafe.
        public let reason: String

        /// What happened.
        public var message: String { "cannot write \(key) to the env file: \(reason)" }
        /// What to do.
        public var hint: String { "fix the env file by hand and run the command again (the file was not changed)" }
        /// Bad input data.
        public var exitCode: ExitCode { .dataError }
    }

    /// Whether the text began with a UTF-8 byte order mark (kept on render, not part of the first key).
    public private(set) var hasByteOrderMark: Bool
    /// The lines in file order.
    private(set) var lines: [DotEnvLine]

    /// Parses `text`; any text is accepted (lines no reader would take are kept and assign nothing).
    public init(text: String) {
        var body = Substring(text)
        hasByteOrderMark = body.unicodeScalars.first == "\u{FEFF}"
        if hasByteOrderMark { body = Substring(body.unicodeScalars.dropFirst()) }
        lines = DotEnvParser.parse(String(body))
    }

    /// The keys assigned in the file, each once, in order of first appearance.
    public var keys: [String] {
        var seen = Set<String>()
        return lines.compactMap(\.key).filter { seen.insert($0).inserted }
    }

    /// The value the last assignment of `key` gives, as python-dotenv reads it (without `${}` expansion);
    /// nil when the key is absent or written without `=`.
    public func value(forKey key: String) -> String? {
        lines.last { $0.key == key }.flatMap(\.value)
    }

    /// Every key with the value python-dotenv would give it (nil for a key written without `=`).
    public var values: [String: String?] {
        var result: [String: String?] = [:]
        for line in lines {
            if let key = line.key { result[key] = .some(line.value) }
        }
        return result
    }

    /// The 1-based line numbers where `key` is assigned.
    public func lineNumbers(forKey key: String) -> [Int] {
        var numbers: [Int] = []
        var lineNumber = 1
        for line in lines {
            if line.key == key { numbers.append(lineNumber) }
            lineNumber += line.lineBreakCount
        }
        return numbers
    }

    /// The document as text: byte for byte the parsed text except for lines changed by `set`.
    public func render() -> String {
        (hasByteOrderMark ? "\u{FEFF}" : "") + lines.map(\.text).joined()
    }

    /// The line break the file uses: that of its first line, or "\n" for a file without any.
    public var lineEndingStyle: String {
        lines.first { !$0.lineEnding.isEmpty }?.lineEnding ?? "\n"
    }

    /// Sets `key` to `value`: updates the last assignment in place (keeping its `export `, spacing and
    /// inline comment), or appends `KEY=value` when the key is missing. Nothing else changes.
    ///
    /// Throws `DotEnvValueEncoding.Refusal` when no quoting lets every reader agree on the value, and
    /// `UnsafeEdit` when the key is not a plain shell name or the edit would change any other value;
    /// the document is unchanged then. Returns a warning when the key was assigned more than once.
    @discardableResult
    public mutating func set(_ value: String, forKey key: String) throws -> [DotEnvWarning] {
        guard Self.isPortableKey(key) else {
            throw UnsafeEdit(key: key, reason: "the name is not a valid shell variable name")
        }
        let encoded = try DotEnvValueEncoding.encode(value, forKey: key)
        var edited = lines
        var warnings: [DotEnvWarning] = []
        if let last = edited.lastIndex(where: { $0.key == key }) {
            let numbers = lineNumbers(forKey: key)
            if numbers.count > 1, let updated = numbers.last {
                warnings.append(.duplicateKey(key: key, lines: numbers, updatedLine: updated))
            }
            guard edited[last].value != value else { return warnings }
            edited[last] = Self.replacing(edited[last], with: encoded)
        } else {
            let ending = lineEndingStyle
            if let lastLine = edited.indices.last, edited[lastLine].lineEnding.isEmpty {
                edited[lastLine].text += ending
                edited[lastLine].lineEnding = ending
                edited[lastLine].lineBreakCount += 1
            }
            edited.append(contentsOf: DotEnvParser.parse(key + "=" + encoded + ending))
        }
        var candidate = self
        candidate.lines = edited
        try candidate.verify(against: self, setting: key, to: value)
        self = candidate
        return warnings
    }

    /// Keys written by this engine: shell variable names, which every reader accepts.
    static func isPortableKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first,
            first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
    }

    /// The line with its value replaced by `encoded`, keeping what comes before and after it.
    private static func replacing(_ line: DotEnvLine, with encoded: String) -> DotEnvLine {
        let tailBeforeBreak = line.tail.dropLast(line.lineEnding.count)
        let hasComment = tailBeforeBreak.contains { !$0.isWhitespace }
        // `KEY= #note` would read as "#note" in python-dotenv: an empty value next to a comment is quoted.
        let spelled = encoded.isEmpty && hasComment ? "''" : encoded
        let text = line.head + spelled + line.tail
        let parsed = DotEnvParser.parse(text)
        // Anything but one line is caught by `verify`, which then refuses the edit.
        return parsed.count == 1
            ? parsed[0] : .inert(text, lineBreakCount: line.lineBreakCount, lineEnding: line.lineEnding)
    }

    /// Re-reads the rendered candidate and checks `key` reads `value` and every other key is as before.
    private func verify(against original: DotEnvDocument, setting key: String, to value: String) throws(UnsafeEdit) {
        let reread = DotEnvDocument(text: render())
        guard reread.value(forKey: key) == value else {
            throw UnsafeEdit(
                key: key, reason: "a line before it leaves a quote open, so the new line would not read back")
        }
        var expected = original.values
        expected[key] = .some(value)
        guard reread.values == expected, reread.lines.count == lines.count else {
            throw UnsafeEdit(key: key, reason: "the edit would change how other lines of the file read")
        }
    }
}
