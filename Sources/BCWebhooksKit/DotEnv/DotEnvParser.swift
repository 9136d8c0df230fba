/// Splits env file text into `DotEnvLine`s the way python-dotenv 1.x reads it, keeping every character.
///
/// The grammar (python-dotenv's `parser.py`): optional `export `, a key (`[^=#\s]+` or `'quoted'`),
/// optional spaces, `=`, spaces, then a value: `'single'` (only `\\` and `\'` are escapes),
/// `"double"` (escapes `\\ \' \" \a \b \f \n \r \t \v`; may span lines), or unquoted up to the line end
/// with a ` #comment` cut off and trailing spaces trimmed. A line that does not fit is kept as text
/// and assigns nothing, as python-dotenv does. Back-quotes are not special (as in python-dotenv).
/// Variable interpolation (`${VAR}`) is not applied: values are returned as written.
enum DotEnvParser {
    /// Parses `text` (without a byte order mark) into lines whose texts concatenate back to `text`.
    static func parse(_ text: String) -> [DotEnvLine] {
        var cursor = Cursor(Array(text.unicodeScalars))
        var lines: [DotEnvLine] = []
        while !cursor.atEnd {
            lines.append(cursor.parseLine())
        }
        return lines
    }

    /// A position in the text being parsed.
    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var atEnd: Bool { index >= scalars.count }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        static func isLineBreak(_ scalar: Unicode.Scalar?) -> Bool {
            scalar == "\n" || scalar == "\r"
        }

        static func isInlineSpace(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar, !isLineBreak(scalar) else { return false }
            return scalar.properties.isWhitespace
        }

        mutating func skipInlineSpace() {
            while Self.isInlineSpace(peek()) { index += 1 }
        }

        /// Consumes one line break if there is one and returns it ("" at the end of the text).
        mutating func takeLineBreak() -> String {
            if peek() == "\r" && peek(1) == "\n" {
                index += 2
                return "\r\n"
            }
            if let scalar = peek(), Self.isLineBreak(scalar) {
                index += 1
                return String(scalar)
            }
            return ""
        }

        func lineBreaks(in range: Range<Int>) -> Int {
            var count = 0
            var position = range.lowerBound
            while position < range.upperBound {
                if scalars[position] == "\r" && position + 1 < range.upperBound && scalars[position + 1] == "\n" {
                    position += 1
                }
                if Self.isLineBreak(scalars[position]) { count += 1 }
                position += 1
            }
            return count
        }

        /// Builds a line that assigns nothing from `start` to the current position.
        func inert(from start: Int, lineEnding: String) -> DotEnvLine {
            .inert(text(start..<index), lineBreakCount: lineBreaks(in: start..<index), lineEnding: lineEnding)
        }

        /// Skips to the end of the current physical line (python-dotenv's error recovery).
        mutating func recover(from start: Int) -> DotEnvLine {
            while let scalar = peek(), !Self.isLineBreak(scalar) { index += 1 }
            let ending = takeLineBreak()
            return inert(from: start, lineEnding: ending)
        }

        mutating func parseLine() -> DotEnvLine {
            let start = index
            skipInlineSpace()
            if atEnd || Self.isLineBreak(peek()) || peek() == "#" {
                while let scalar = peek(), !Self.isLineBreak(scalar) { index += 1 }
                let ending = takeLineBreak()
                return inert(from: start, lineEnding: ending)
            }
            skipExport()
            guard let key = parseKey() else { return recover(from: start) }
            let keyEnd = index
            skipInlineSpace()
            guard peek() == "=" else {
                // `KEY` alone: python-dotenv reads it as a key with no value.
                guard let ending = finishLine() else { return recover(from: start) }
                return DotEnvLine(
                    text: text(start..<index), key: key, value: nil, head: text(start..<keyEnd) + "=",
                    tail: text(keyEnd..<index), lineBreakCount: lineBreaks(in: start..<index), lineEnding: ending)
            }
            index += 1
            skipInlineSpace()
            let valueStart = index
            let value: String
            let valueEnd: Int
            switch peek() {
            case "'", "\"":
                guard let quote = peek(), let close = closingQuote(for: quote) else { return recover(from: start) }
                value = Self.decode(Array(scalars[valueStart + 1..<close]), quote: quote)
                index = close + 1
                valueEnd = index
                guard finishLine() != nil else { return recover(from: start) }
            default:
                let unquotedEnd = endOfPhysicalLine()
                let cut = Self.commentStart(in: scalars[valueStart..<unquotedEnd]) ?? unquotedEnd
                var trimmedEnd = cut
                while trimmedEnd > valueStart && scalars[trimmedEnd - 1].properties.isWhitespace { trimmedEnd -= 1 }
                value = text(valueStart..<trimmedEnd)
                valueEnd = trimmedEnd
                index = unquotedEnd
                _ = takeLineBreak()
            }
            let ending = lineEnding(endingAt: index)
            return DotEnvLine(
                text: text(start..<index), key: key, value: value, head: text(start..<valueStart),
                tail: text(valueEnd..<index), lineBreakCount: lineBreaks(in: start..<index), lineEnding: ending)
        }

        func lineEnding(endingAt end: Int) -> String {
            if end >= 2 && scalars[end - 2] == "\r" && scalars[end - 1] == "\n" { return "\r\n" }
            if end >= 1, Self.isLineBreak(scalars[end - 1]) { return String(scalars[end - 1]) }
            return ""
        }

        func endOfPhysicalLine() -> Int {
            var position = index
            while position < scalars.count && !Self.isLineBreak(scalars[position]) { position += 1 }
            return position
        }

        mutating func skipExport() {
            let word: [Unicode.Scalar] = ["e", "x", "p", "o", "r", "t"]
            guard index + word.count < scalars.count, Array(scalars[index..<index + word.count]) == word,
                Self.isInlineSpace(scalars[index + word.count])
            else { return }
            index += word.count
            skipInlineSpace()
        }

        mutating func parseKey() -> String? {
            if peek() == "'" {
                var position = index + 1
                while position < scalars.count && scalars[position] != "'" { position += 1 }
                guard position < scalars.count, position > index + 1 else { return nil }
                let key = text(index + 1..<position)
                index = position + 1
                return key
            }
            let start = index
            while let scalar = peek(), scalar != "=", scalar != "#", !scalar.properties.isWhitespace { index += 1 }
            return index > start ? text(start..<index) : nil
        }

        /// After a value or a bare key: optional spaces and `#comment`, then a line break or the end.
        /// Returns the line break taken, or nil when something else follows.
        mutating func finishLine() -> String? {
            skipInlineSpace()
            if peek() == "#" {
                while let scalar = peek(), !Self.isLineBreak(scalar) { index += 1 }
            }
            guard atEnd || Self.isLineBreak(peek()) else { return nil }
            return takeLineBreak()
        }

        /// The index of the quote closing the one at the cursor, following python-dotenv's regex
        /// `'((?:\\'|[^'])*)'`: `\'` does not close, unless no later quote does (the regex backtracks).
        func closingQuote(for quote: Unicode.Scalar) -> Int? {
            var position = index + 1
            var lastEscapedQuote: Int?
            while position < scalars.count {
                if scalars[position] == "\\" && position + 1 < scalars.count && scalars[position + 1] == quote {
                    lastEscapedQuote = position + 1
                    position += 2
                    continue
                }
                if scalars[position] == quote { return position }
                position += 1
            }
            return lastEscapedQuote
        }

        /// Where python-dotenv's `\s+#.*` cuts an unquoted value, or nil when it has no inline comment.
        static func commentStart(in slice: ArraySlice<Unicode.Scalar>) -> Int? {
            for position in slice.indices where slice[position] == "#" && position > slice.startIndex {
                guard slice[position - 1].properties.isWhitespace else { continue }
                var start = position - 1
                while start > slice.startIndex && slice[start - 1].properties.isWhitespace { start -= 1 }
                return start
            }
            return nil
        }

        /// Decodes the escapes python-dotenv honours inside single or double quotes.
        static func decode(_ content: [Unicode.Scalar], quote: Unicode.Scalar) -> String {
            let escapes: [Unicode.Scalar: Unicode.Scalar] =
                quote == "'"
                ? ["\\": "\\", "'": "'"]
                : [
                    "\\": "\\", "'": "'", "\"": "\"", "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n",
                    "r": "\r", "t": "\t", "v": "\u{0B}",
                ]
            var result = String.UnicodeScalarView()
            var position = 0
            while position < content.count {
                if content[position] == "\\", position + 1 < content.count, let decoded = escapes[content[position + 1]]
                {
                    result.append(decoded)
                    position += 2
                } else {
                    result.append(content[position])
                    position += 1
                }
            }
            return String(result)
        }
    }
}
