import Testing

@testable import BCWebhooksKit

@Suite struct OutputStyleTests {
    @Test func coloursOnlyOnATerminalWithoutOptOuts() {
        #expect(OutputStyle(noColorFlag: false, environment: [:], isTerminal: true).usesColor)
        #expect(!OutputStyle(noColorFlag: false, environment: [:], isTerminal: false).usesColor)
        #expect(!OutputStyle(noColorFlag: true, environment: [:], isTerminal: true).usesColor)
        #expect(!OutputStyle(noColorFlag: false, environment: ["NO_COLOR": ""], isTerminal: true).usesColor)
        #expect(!OutputStyle(noColorFlag: false, environment: ["TERM": "dumb"], isTerminal: true).usesColor)
    }

    @Test func plainStyleLeavesTextAlone() {
        #expect(OutputStyle.plain.red("x") == "x")
        #expect(OutputStyle(noColorFlag: false, environment: [:], isTerminal: true).red("x") == "\u{1B}[31mx\u{1B}[0m")
    }
}
