import Foundation
import Testing

/// Loads each completion script into its real shell and asks it to complete.
@Suite struct CompletionsTests {
    private func shellRun(_ shell: String, _ arguments: [String], script: String) throws -> RunResult {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/completion"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [shell] + arguments.map { $0.replacingOccurrences(of: "SCRIPT", with: path) }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return RunResult(
            exitCode: process.terminationStatus,
            stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    private func script(_ shell: String) throws -> String {
        let result = try BinaryRunner.run(["completions", shell])
        #expect(result.exitCode == 0)
        return result.stdout
    }

    private func bashComplete(_ line: [String]) throws -> [String] {
        let words = line.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            set -e; source SCRIPT; COMP_WORDS=(\(words)); COMP_CWORD=\(line.count - 1); _bc_webhooks; \
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try shellRun("bash", ["-c", program], script: try script("bash"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandsOptionsAndValues() throws {
        #expect(try bashComplete(["bc-webhooks", "se"]) == ["setup", "secret"])
        #expect(try bashComplete(["bc-webhooks", "secret", "--fo"]) == ["--format"])
        #expect(try bashComplete(["bc-webhooks", "secret", "--format", "base"]) == ["base64", "base64url"])
        #expect(try bashComplete(["bc-webhooks", "--env-file", "x", "sync", "--pr"]) == ["--prune"])
        #expect(try bashComplete(["bc-webhooks", "completions", ""]) == ["bash", "zsh", "fish"])
    }

    @Test func everyCommandAndOptionInHelpIsInEveryScript() throws {
        let help = try BinaryRunner.run(["help"]).stdout
        for shell in ["bash", "zsh", "fish"] {
            let text = try script(shell)
            for command in ["setup", "secret", "env", "check", "sync", "list", "rotate", "ping", "sandbox", "completions"] {
                #expect(help.contains(command))
                #expect(text.contains(command), "\(shell) lacks \(command)")
            }
            for option in ["prune", "show-secrets", "skip-scope-check", "token-stdin", "latency-ms", "template"] {
                #expect(text.contains(option), "\(shell) lacks --\(option)")
            }
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")))
    func zshLoadsWithoutError() throws {
        let result = try shellRun(
            "zsh", ["-f", "-c", "autoload -U compinit && compinit -u && source SCRIPT && print ${_comps[bc-webhooks]}"],
            script: try script("zsh"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("_bc_webhooks"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish")))
    func fishLoadsAndCompletes() throws {
        let result = try shellRun(
            "fish", ["--no-config", "-c", "source SCRIPT; complete -C 'bc-webhooks secret --for'"],
            script: try script("fish"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("--format"))
    }
}
