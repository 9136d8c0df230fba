import Foundation
import Testing

/// Loads each completion script into its real shell and asks it to complete.
@Suite struct CompletionsTests {
    private func shellRun(_ shell: String, _ arguments: [String], script: String) async throws -> RunResult {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/completion"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        return try await BinaryRunner.runProgram(
            "/usr/bin/env", [shell] + arguments.map { $0.replacingOccurrences(of: "SCRIPT", with: path) },
            in: directory, environment: ["PATH": "/usr/bin:/bin"])
    }

    private func script(_ shell: String) async throws -> String {
        let result = try await BinaryRunner.run(["completions", shell])
        #expect(result.exitCode == 0)
        return result.stdout
    }

    private func bashComplete(_ line: [String]) async throws -> [String] {
        let words = line.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            set -e; source SCRIPT; COMP_WORDS=(\(words)); COMP_CWORD=\(line.count - 1); _bc_webhooks; \
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try await shellRun("bash", ["-c", program], script: try await script("bash"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandsOptionsAndValues() async throws {
        #expect(try await bashComplete(["bc-webhooks", "se"]) == ["setup", "secret"])
        #expect(try await bashComplete(["bc-webhooks", "secret", "--fo"]) == ["--format"])
        #expect(try await bashComplete(["bc-webhooks", "secret", "--format", "base"]) == ["base64", "base64url"])
        #expect(try await bashComplete(["bc-webhooks", "--env-file", "x", "sync", "--pr"]) == ["--prune"])
        #expect(try await bashComplete(["bc-webhooks", "completions", ""]) == ["bash", "zsh", "fish"])
    }

    @Test func everyCommandAndOptionInHelpIsInEveryScript() async throws {
        let help = try await BinaryRunner.run(["help"]).stdout
        for shell in ["bash", "zsh", "fish"] {
            let text = try await script(shell)
            for command in [
                "setup", "secret", "env", "check", "sync", "list", "rotate", "ping", "sandbox", "completions",
            ] {
                #expect(help.contains(command))
                #expect(text.contains(command), "\(shell) lacks \(command)")
            }
            for option in ["prune", "show-secrets", "skip-scope-check", "token-stdin", "latency-ms", "template"] {
                #expect(text.contains(option), "\(shell) lacks --\(option)")
            }
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")))
    func zshLoadsWithoutError() async throws {
        let result = try await shellRun(
            "zsh",
            ["-f", "-c", "autoload -U compinit && compinit -u && source SCRIPT && print ${_comps[bc-webhooks]}"],
            script: try await script("zsh"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("_bc_webhooks"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish")))
    func fishLoadsAndCompletes() async throws {
        let result = try await shellRun(
            "fish", ["--no-config", "-c", "source SCRIPT; complete -C 'bc-webhooks secret --for'"],
            script: try await script("fish"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("--format"))
    }
}
