import Foundation

/// An env file template: its text, and which keys it marks as generated (`# @generated FORMAT BYTES`) or
/// required (`# @required --flag`). A marker applies to the next `KEY=` line.
struct EnvTemplate: Sendable, Equatable {
    /// What to put in a marked key.
    enum Marker: Sendable, Equatable {
        /// A fresh random secret of `bytes` bytes in `format`.
        case generated(format: SecretFormat, bytes: Int)
        /// A value the user must give, by `flag` or prompt.
        case required(flag: String)
    }

    /// A template that cannot be used (exit 65).
    struct Invalid: UserFacingError, Equatable {
        /// What is wrong.
        let message: String
        /// What to do.
        var hint: String {
            "fix the template: markers are '# @generated hex|base64|base64url BYTES' or '# @required --flag'"
        }
        /// Bad input data.
        var exitCode: ExitCode { .dataError }
    }

    /// The template's text, as written to the new env file before values are filled in.
    let text: String
    /// The marked keys, in template order.
    let markers: [(key: String, marker: Marker)]

    static func == (lhs: EnvTemplate, rhs: EnvTemplate) -> Bool {
        lhs.text == rhs.text && lhs.markers.map(\.key) == rhs.markers.map(\.key)
            && lhs.markers.map(\.marker) == rhs.markers.map(\.marker)
    }

    /// The template built into the binary (`templates/env.template`).
    static var builtIn: EnvTemplate {
        get throws { try parse(EmbeddedTemplates.files["env.template"] ?? "") }
    }

    /// Reads the markers of `text`.
    static func parse(_ text: String) throws -> EnvTemplate {
        var markers: [(key: String, marker: Marker)] = []
        var pending: Marker?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("#") {
                let words = line.dropFirst().split(separator: " ").map(String.init)
                guard let first = words.first, first.hasPrefix("@") else { continue }
                pending = try marker(words, line: number + 1)
            } else if let equals = line.firstIndex(of: "="), let marker = pending {
                var key = String(line[..<equals]).trimmingCharacters(in: .whitespaces)
                if key.hasPrefix("export ") {
                    key = String(key.dropFirst("export ".count)).trimmingCharacters(in: .whitespaces)
                }
                markers.append((key, marker))
                pending = nil
            }
        }
        return EnvTemplate(text: text, markers: markers)
    }

    private static func marker(_ words: [String], line: Int) throws -> Marker {
        switch words.first {
        case "@generated":
            guard words.count == 3, let format = SecretFormat(rawValue: words[1]), let bytes = Int(words[2]),
                SecretGenerator.byteRange.contains(bytes)
            else {
                throw Invalid(message: "line \(line): '@generated' needs a format and a byte count from 16 to 1024")
            }
            return .generated(format: format, bytes: bytes)
        case "@required":
            guard words.count == 2, words[1].hasPrefix("--") else {
                throw Invalid(message: "line \(line): '@required' needs the flag that supplies the value")
            }
            return .required(flag: String(words[1].dropFirst(2)))
        default:
            throw Invalid(message: "line \(line): unknown marker '\(words.first ?? "")'")
        }
    }
}
