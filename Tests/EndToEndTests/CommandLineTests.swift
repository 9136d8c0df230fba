import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func noCommandWithoutATerminalPrintsHelpAndExits64() async throws {
        let result = try await BinaryRunner.run([])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("USAGE"))
    }

    @Test func helpAndVersionGoToStdoutWithExit0() async throws {
        let help = try await BinaryRunner.run(["help", "sync"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("bc-webhooks sync"))
        let version = try await BinaryRunner.run(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.stdout.hasPrefix("bc-webhooks "))
    }

    @Test func unknownFlagExits64NamingIt() async throws {
        let result = try await BinaryRunner.run(["list", "--frobnicate"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--frobnicate"))
    }

    @Test func noColourWhenNotATerminalOrWhenOptedOut() async throws {
        let piped = try await BinaryRunner.run(["help"])
        #expect(!piped.allOutput.contains("\u{1B}["))
        let failing = try await BinaryRunner.run(["secret", "--bytes", "1"], environment: ["NO_COLOR": "1"])
        #expect(!failing.allOutput.contains("\u{1B}["))
    }
}
