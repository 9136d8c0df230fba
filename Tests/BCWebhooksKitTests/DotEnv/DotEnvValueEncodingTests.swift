import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct DotEnvValueEncodingTests {
    /// Values a user or a generator may produce, each awkward for some reader.
    static let awkwardValues: [String] = [
        "plain", "0f3a9c", "https://shop.example.com/path?x=1&y=2", "with spaces", "  leading and trailing  ",
        "hash # inside", "#start", "end#", "dollar $HOME and $", "$", "{braces}", "back`tick`", "double \"quotes\"",
        "back\\slash", "C:\\path\\to", "unicode é 🌍 日本", "a=b=c", "tab\there", "semi;colon & pipe | <redirect>",
        "tilde ~/x", "glob * ? [a]", "!bang", "percent%20", "+/base64==", "-_base64url", "(parens)", ":colon:",
    ]

    @Test(arguments: awkwardValues)
    func pythonDotenvAndBashReadBackEveryWrittenValue(_ value: String) async throws {
        try #require(await DotEnvTestSupport.pythonDotenvAvailable, "python3 with python-dotenv is needed")
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try DotEnvTestSupport.writeBytes(Array("# app\nexport OTHER=1\nBCW_VALUE=old # note\n".utf8), to: path)
        try EnvFile.update(["BCW_VALUE": value, "BCW_APPENDED": value], path: path)
        for key in ["BCW_VALUE", "BCW_APPENDED"] {
            #expect(try await DotEnvTestSupport.pythonDotenvValues(path, interpolate: true)[key] == .some(value))
            #expect(try await DotEnvTestSupport.bashValue(of: key, sourcing: path) == value)
            #expect(try EnvFile.load(path: path)?.value(forKey: key) == value)
        }
    }

    @Test(arguments: awkwardValues)
    func unquotedOnlyWhenEveryCharacterIsSafe(_ value: String) throws {
        let encoded = try DotEnvValueEncoding.encode(value, forKey: "K")
        let safe = value.unicodeScalars.allSatisfy(DotEnvValueEncoding.isSafeUnquoted)
        #expect(encoded == (safe ? value : "'\(value)'"))
    }

    @Test(arguments: [
        ("it's", "single quote"), ("a\nb", "several lines"), ("a\r", "several lines"), ("\u{0}", "U+0000"),
        ("\u{7F}", "U+007F"), ("a\\\\b", "double backslash"), ("trailing\\", "ends with a backslash"),
        ("x${Y}", "${"),
    ])
    func refusedValuesAreRefusedWithDataErrorAndTheFileUntouched(_ value: String, _ reason: String) throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        let original = Array("A=1\r\nSECRET=old".utf8)
        try DotEnvTestSupport.writeBytes(original, to: path, mode: 0o640)
        do {
            try EnvFile.update(["SECRET": value], path: path)
            Issue.record("value was accepted")
        } catch let error as DotEnvValueEncoding.Refusal {
            #expect(error.exitCode == .dataError)
            #expect(error.message.contains(reason))
            #expect(error.message.contains("SECRET"))
        }
        #expect(try DotEnvTestSupport.readBytes(path) == original)
        #expect(DotEnvTestSupport.mode(path) == 0o640)
        #expect(try DotEnvTestSupport.listing(folder) == [".env"])
    }

    @Test func refusalDoesNotEchoTheValue() {
        let secret = "sup3r'secret"
        #expect(throws: DotEnvValueEncoding.Refusal.self) { try DotEnvValueEncoding.encode(secret, forKey: "K") }
        #expect(DotEnvValueEncoding.refusalReason(secret)?.contains(secret) == false)
    }

    @Test func emptyValueIsWrittenBare() throws {
        #expect(try DotEnvValueEncoding.encode("", forKey: "K") == "")
    }
}
