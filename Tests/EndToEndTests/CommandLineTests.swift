import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func noCommandWithoutATerminalPrintsHelpAndExits64() throws {
        let result = try BinaryRunner.run([])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("USAGE"))
    }

    @Test func helpAndVersionGoToStdoutWithExit0() throws {
        let help = try BinaryRunner.run(["help", "sync"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("bc-webhooks sync"))
        let version = try BinaryRunner.run(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.stdout.hasPrefix("bc-webhooks "))
    }

    @Test func unknownFlagExits64NamingIt() throws {
        let result = try BinaryRunner.run(["list", "--frobnicate"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--frobnicate"))
    }

    @Test func noColourWhenNotATerminalOrWhenOptedOut() throws {
        let piped = try BinaryRunner.run(["help"])
        #expect(!piped.allOutput.contains("\u{1B}["))
        let failing = try BinaryRunner.run(["secret", "--bytes", "1"], environment: ["NO_COLOR": "1"])
        #expect(!failing.allOutput.contains("\u{1B}["))
    }
}
