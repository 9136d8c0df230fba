import Foundation

/// Runs a program in a real pseudo-terminal (as its session leader, the pty its controlling terminal) through
/// `pty_driver.py`, answering prompts as a person would; so typed Ctrl-C raises a real SIGINT.
///
/// The Python driver forks; this test process never does. Waiting happens through `BinaryRunner.runProgram`,
/// off the cooperative pool.
enum PseudoTerminalDriver {
    /// Why the driver's own report could not be read.
    struct DriverFailure: Error, CustomStringConvertible {
        /// What went wrong, with the driver's output.
        var description: String
    }

    /// The driver script, next to this file.
    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("pty_driver.py").path
    }

    /// Runs `program` with `arguments` in `directory` with `environment` added, following `steps`; each step and
    /// the final exit wait at most `timeout` seconds.
    static func run(
        _ program: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
        steps: [PseudoTerminalStep], timeout: Double = 30
    ) async throws -> PseudoTerminalSession {
        let script = Script(timeout: timeout, cwd: directory, env: environment, steps: steps)
        let scriptJSON = String(decoding: try JSONEncoder().encode(script), as: UTF8.self)
        let result = try await BinaryRunner.runProgram(
            "/usr/bin/env", ["python3", scriptPath, scriptJSON, "--", program] + arguments, in: directory,
            environment: environment, timeout: timeout * Double(steps.count + 2))
        guard result.exitCode == 0,
            let session = try? JSONDecoder().decode(PseudoTerminalSession.self, from: Data(result.stdout.utf8))
        else {
            throw DriverFailure(
                description: "pty_driver.py exited \(result.exitCode): \(result.stdout) \(result.stderr)")
        }
        return session
    }

    /// Runs the built `bc-webhooks` binary the same way.
    static func runBinary(
        _ arguments: [String], in directory: String, environment: [String: String] = [:],
        steps: [PseudoTerminalStep], timeout: Double = 30
    ) async throws -> PseudoTerminalSession {
        try await run(
            BinaryRunner.binaryPath, arguments, in: directory, environment: environment, steps: steps,
            timeout: timeout)
    }

    /// The JSON the driver takes as its first argument.
    private struct Script: Encodable {
        var timeout: Double
        var cwd: String
        var env: [String: String]
        var steps: [PseudoTerminalStep]
    }
}
