import Testing

@testable import BCWebhooksKit

@Suite struct ArgumentParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let words: [String]
        let isTerminal: Bool
        let expected: Invocation
        var testDescription: String { words.joined(separator: " ") }
    }

    static let accepted: [Case] = [
        Case(words: ["secret"], isTerminal: false, expected: Invocation(action: .run("secret"))),
        Case(
            words: ["secret", "--bytes", "32", "--format=base64"], isTerminal: false,
            expected: Invocation(action: .run("secret"), values: ["bytes": "32", "format": "base64"])),
        Case(
            words: ["--env-file", ".env.staging", "check", "--json"], isTerminal: false,
            expected: Invocation(action: .run("check"), values: ["env-file": ".env.staging"], flags: ["json"])),
        Case(
            words: ["sync", "-yq", "--no-input"], isTerminal: false,
            expected: Invocation(action: .run("sync"), flags: ["yes", "quiet", "no-input"])),
        Case(
            words: ["env", "staging", "--force"], isTerminal: false,
            expected: Invocation(action: .run("env"), positionals: ["staging"], flags: ["force"])),
        Case(
            words: ["env", "--", "-odd"], isTerminal: false,
            expected: Invocation(action: .run("env"), positionals: ["-odd"])),
        Case(
            words: ["secret", "--bytes", "16", "--bytes", "20"], isTerminal: false,
            expected: Invocation(action: .run("secret"), values: ["bytes": "20"])),
        Case(words: ["--version"], isTerminal: false, expected: Invocation(action: .version)),
        Case(words: ["list", "--version"], isTerminal: false, expected: Invocation(action: .version)),
        Case(words: ["help"], isTerminal: false, expected: Invocation(action: .help(nil))),
        Case(words: ["--help"], isTerminal: false, expected: Invocation(action: .help(nil))),
        Case(words: ["help", "sync"], isTerminal: false, expected: Invocation(action: .help("sync"))),
        Case(words: ["rotate", "-h"], isTerminal: false, expected: Invocation(action: .help("rotate"))),
        Case(
            words: ["ping", "--app-url", "http://x", "--help"], isTerminal: false,
            expected: Invocation(action: .help("ping"))),
        Case(words: [], isTerminal: true, expected: Invocation(action: .run("setup"))),
        Case(
            words: ["--no-color"], isTerminal: true, expected: Invocation(action: .run("setup"), flags: ["no-color"])),
        Case(words: [], isTerminal: false, expected: Invocation(action: .helpForMissingCommand)),
        Case(
            words: ["completions", "fish"], isTerminal: false,
            expected: Invocation(action: .run("completions"), positionals: ["fish"])),
    ]

    @Test(arguments: accepted)
    func parses(_ example: Case) throws {
        #expect(try ArgumentParser.parse(example.words, isTerminal: example.isTerminal) == example.expected)
    }

    static let refused: [([String], String)] = [
        (["frobnicate"], "unknown command 'frobnicate'"),
        (["sycn"], "did you mean 'sync'?"),
        (["secret", "--bites", "32"], "unknown option '--bites' for secret"),
        (["secret", "--bytes"], "--bytes needs a value"),
        (["secret", "--format", "hex2"], "--format does not accept 'hex2'"),
        (["secret", "--write=yes"], "--write takes no value"),
        (["secret", "-x"], "unknown option '-x' for secret"),
        (["list", "--token", "abc"], "unknown option '--token' for list"),
        (["env"], "env needs NAME"),
        (["env", "a", "b"], "unexpected argument 'b'"),
        (["completions", "tcsh"], "does not know SHELL 'tcsh'"),
        (["help", "nope"], "unknown command 'nope'"),
        (["--bogus"], "unknown option '--bogus'"),
    ]

    @Test(arguments: refused)
    func refusesWithUsageError(_ words: [String], _ expectedMessage: String) {
        do {
            _ = try ArgumentParser.parse(words, isTerminal: false)
            Issue.record("parsed \(words) without an error")
        } catch {
            #expect(error.exitCode == .usage)
            #expect(error.renderedLine.contains(expectedMessage), "\(error.renderedLine)")
        }
    }
}
