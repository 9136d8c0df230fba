import Testing

@testable import BCWebhooksKit

@Suite struct CommandRegistryTests {
    @Test func everyCommandInTheTableIsBuilt() {
        let listed = Set(CommandTable.commands.map(\.name)).subtracting(["help"])
        #expect(Set(CommandRegistry.runners.keys) == listed)
    }
}
