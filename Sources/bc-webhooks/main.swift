import BCWebhooksKit
import Foundation

TerminalRestorer.installInterruptHandler()
let context = CommandContext(
    environment: ProcessInfo.processInfo.environment,
    workingDirectory: FileManager.default.currentDirectoryPath,
    terminal: SystemTerminal(),
    transport: URLSessionTransport(),
    clock: SystemClock(),
    random: OpenSSLRandom()
)
let code = await Application.run(arguments: Array(CommandLine.arguments.dropFirst()), context: context)
exit(code.rawValue)
