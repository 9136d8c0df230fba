import Foundation

/// A `bc-webhooks sandbox --port 0` subprocess for the pseudo-terminal tests: started, read for its API path and
/// token, and stopped with SIGINT when the test is done. All waiting happens on dedicated threads.
final class PseudoTerminalSandboxServer: @unchecked Sendable {
    /// Why the sandbox could not be started.
    struct StartFailure: Error, CustomStringConvertible {
        /// What it printed before failing.
        var description: String
    }

    /// The API path it printed (`http://127.0.0.1:PORT/stores/HASH/v3/`).
    let apiPath: String
    /// The token it accepts.
    let token: String
    /// Its state file.
    let statePath: String
    private let process: Process

    private init(apiPath: String, token: String, statePath: String, process: Process) {
        self.apiPath = apiPath
        self.token = token
        self.statePath = statePath
        self.process = process
    }

    /// Starts a sandbox with `token` keeping its state in `statePath`, runs `body` with it, then stops it.
    static func with<Result: Sendable>(
        token: String, statePath: String, extraArguments: [String] = [],
        _ body: (PseudoTerminalSandboxServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(token: token, statePath: statePath, extraArguments: extraArguments)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func start(token: String, statePath: String, extraArguments: [String]) async throws
        -> PseudoTerminalSandboxServer
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = ["sandbox", "--port", "0", "--token", token, "--state", statePath] + extraArguments
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let lines: (apiPath: String, token: String)? = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: readAnnouncement(from: output.fileHandleForReading, of: process))
            }
        }
        guard let lines else {
            process.terminate()
            throw StartFailure(description: "the sandbox did not print its API path and token")
        }
        // Keep draining its output so it never blocks on a full pipe.
        Thread.detachNewThread { _ = output.fileHandleForReading.readDataToEndOfFile() }
        return PseudoTerminalSandboxServer(
            apiPath: lines.apiPath, token: lines.token, statePath: statePath, process: process)
    }

    /// Reads the sandbox's output until both the `API path:` and `token:` lines have appeared (30 s at most).
    private static func readAnnouncement(from handle: FileHandle, of process: Process) -> (String, String)? {
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            text += String(decoding: chunk, as: UTF8.self)
            // Only whole lines count: a chunk may end in the middle of one.
            let complete = text[..<(text.lastIndex(of: "\n") ?? text.startIndex)]
            let fields = Dictionary(
                complete.split(separator: "\n").compactMap { line -> (String, String)? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2 else { return nil }
                    return (
                        parts[0].trimmingCharacters(in: .whitespaces), parts[1].trimmingCharacters(in: .whitespaces)
                    )
                }, uniquingKeysWith: { first, _ in first })
            if let path = fields["API path"], let token = fields["token"] {
                return (path, token)
            }
        }
        return nil
    }

    /// Stops the sandbox with SIGINT (as Ctrl-C would) and waits for it to exit, off the cooperative pool.
    func stop() async {
        let process = self.process
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                if process.isRunning { process.interrupt() }
                let deadline = Date().addingTimeInterval(10)
                while process.isRunning && Date() < deadline { usleep(10_000) }
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}
