import Testing

@testable import BCWebhooksKit

@Suite struct HelpTextTests {
    @Test func overviewListsEveryCommandAndGlobalOption() {
        let text = HelpText.overview(style: .plain)
        for command in CommandTable.commands { #expect(text.contains("  \(command.name)  ")) }
        for option in CommandTable.globalOptions { #expect(text.contains("--\(option.name)")) }
        #expect(text.contains("--version"))
    }

    @Test func everyCommandPageHasUsageOptionsAndExamples() {
        for command in CommandTable.commands {
            let page = HelpText.page(for: command, style: .plain)
            #expect(page.contains("USAGE\n  bc-webhooks \(command.name)"))
            for option in command.options { #expect(page.contains(option.displayName)) }
            #expect(page.contains("EXAMPLES"), "\(command.name) has no examples")
        }
    }

    @Test func optionNamesAreUniquePerCommand() {
        for command in CommandTable.commands {
            let names = command.allOptions.map(\.name)
            #expect(Set(names).count == names.count, "\(command.name) repeats an option")
            let shorts = command.allOptions.compactMap(\.short)
            #expect(Set(shorts).count == shorts.count, "\(command.name) repeats a short option")
        }
    }
}
