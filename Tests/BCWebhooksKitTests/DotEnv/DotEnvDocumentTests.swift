import Testing

@testable import BCWebhooksKit

@Suite struct DotEnvDocumentTests {
    @Test func valuesAreDecodedAsPythonDotenvDoes() {
        let document = DotEnvDocument(
            text: """
                PLAIN=  spaced out   # comment
                HASH=a#b
                SINGLE='lit \\n $HOME \\' \\\\ end'
                DOUBLE="tab\\tquote\\" back\\\\slash"
                MULTI="one
                two"
                export EXPORTED=yes
                'QUOTED_KEY'=q
                EMPTY=
                BARE

                """)
        #expect(document.value(forKey: "PLAIN") == "spaced out")
        #expect(document.value(forKey: "HASH") == "a#b")
        #expect(document.value(forKey: "SINGLE") == "lit \\n $HOME ' \\ end")
        #expect(document.value(forKey: "DOUBLE") == "tab\tquote\" back\\slash")
        #expect(document.value(forKey: "MULTI") == "one\ntwo")
        #expect(document.value(forKey: "EXPORTED") == "yes")
        #expect(document.value(forKey: "QUOTED_KEY") == "q")
        #expect(document.value(forKey: "EMPTY") == "")
        #expect(document.value(forKey: "BARE") == nil)
        #expect(document.value(forKey: "ABSENT") == nil)
        #expect(
            document.keys == ["PLAIN", "HASH", "SINGLE", "DOUBLE", "MULTI", "EXPORTED", "QUOTED_KEY", "EMPTY", "BARE"])
    }

    @Test func lastOccurrenceWins() {
        let document = DotEnvDocument(text: "A=1\nA=2\nB=x\nA=3\n")
        #expect(document.value(forKey: "A") == "3")
        #expect(document.keys == ["A", "B"])
        #expect(document.lineNumbers(forKey: "A") == [1, 2, 4])
    }

    @Test func lineNumbersCountMultiLineValues() {
        let document = DotEnvDocument(text: "A=\"1\n2\n3\"\r\nB=1\rB=2\n")
        #expect(document.lineNumbers(forKey: "B") == [4, 5])
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstKey() {
        let document = DotEnvDocument(text: "\u{FEFF}KEY=v\n")
        #expect(document.hasByteOrderMark)
        #expect(document.keys == ["KEY"])
        #expect(document.render().unicodeScalars.first == "\u{FEFF}")
    }

    @Test func duplicateWarningNamesTheLines() throws {
        var document = DotEnvDocument(text: "S=1\nS=2\n# x\nS=3\n")
        let warnings = try document.set("4", forKey: "S")
        #expect(warnings == [.duplicateKey(key: "S", lines: [1, 2, 4], updatedLine: 4)])
        #expect(warnings.first?.message.contains("lines 1, 2") == true)
        #expect(document.render() == "S=1\nS=2\n# x\nS=4\n")
    }

    @Test func appendingUsesTheFileLineEnding() throws {
        var crlf = DotEnvDocument(text: "A=1\r\nB=2\r\n")
        try crlf.set("3", forKey: "C")
        #expect(crlf.render() == "A=1\r\nB=2\r\nC=3\r\n")
        var none = DotEnvDocument(text: "A=1")
        try none.set("3", forKey: "C")
        #expect(none.render() == "A=1\nC=3\n")
    }

    @Test func valuesNeedingQuotesAreSingleQuoted() throws {
        var document = DotEnvDocument(text: "")
        try document.set("https://shop.example.com/a,b=c+d%20@x", forKey: "URL")
        try document.set("two words", forKey: "SPACED")
        try document.set("", forKey: "EMPTY")
        #expect(document.render() == "URL=https://shop.example.com/a,b=c+d%20@x\nSPACED='two words'\nEMPTY=\n")
    }

    @Test(arguments: ["it's", "a\nb", "a\rb", "nul\u{0}", "esc\u{1B}", "a\\\\b", "ends\\", "${HOME}"])
    func unportableValuesAreRefusedAndTheDocumentKept(_ value: String) {
        let original = "A=1\nSECRET=old\n"
        var document = DotEnvDocument(text: original)
        #expect(throws: DotEnvValueEncoding.Refusal.self) { try document.set(value, forKey: "SECRET") }
        #expect(document.render() == original)
        do {
            try document.set(value, forKey: "SECRET")
        } catch let error as any UserFacingError {
            #expect(error.exitCode == .dataError)
            #expect(!error.message.contains(value))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: ["1BAD", "has space", "dotted.key", "dash-key", ""])
    func keysThatAreNotShellNamesAreRefused(_ key: String) {
        var document = DotEnvDocument(text: "A=1\n")
        #expect(throws: DotEnvDocument.UnsafeEdit.self) { try document.set("v", forKey: key) }
        #expect(document.render() == "A=1\n")
    }

    @Test func appendingAfterAnOpenQuoteIsRefused() {
        // python-dotenv would read `"open` through to the next double quote, swallowing the new line.
        let original = "A=\"open\nB=1\n"
        var document = DotEnvDocument(text: original)
        #expect(throws: DotEnvDocument.UnsafeEdit.self) { try document.set("x\"y", forKey: "C") }
        #expect(document.render() == original)
    }

    @Test func tabsAndTrailingSpacesSurviveInQuotes() throws {
        var document = DotEnvDocument(text: "")
        try document.set("  padded\tvalue  ", forKey: "P")
        #expect(document.render() == "P='  padded\tvalue  '\n")
        #expect(DotEnvDocument(text: document.render()).value(forKey: "P") == "  padded\tvalue  ")
    }
}
