import Foundation

/// Runs a program found on `PATH` for a test, waiting for it on dedicated threads rather than the cooperative pool.
enum Subprocess {
    /// What a program printed and how it ended.
    struct Output: Sendable {
        /// The exit status (or the signal number when it was killed).
        var status: Int32
        /// Everything written to standard output.
        var stdout: Data
        /// Everything written to standard error, as text.
        var stderr: String
    }

    /// Runs `arguments` (program first, looked up on `PATH`) in `folder`, feeding `stdin`, and collects its output.
    static func run(_ arguments: [String], in folder: String? = nil, stdin: Data = Data()) async throws -> Output {
        try await OffPool.run { try runBlocking(arguments, in: folder, stdin: stdin) }
    }

    /// Runs `arguments` with `stdin` as text; see `run(_:in:stdin:)`.
    static func run(_ arguments: [String], in folder: String? = nil, stdin: String) async throws -> Output {
        try await run(arguments, in: folder, stdin: Data(stdin.utf8))
    }

    /// The blocking run: call only from a dedicated thread (as `run` does).
    private static func runBlocking(_ arguments: [String], in folder: String?, stdin: Data) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Feed stdin and drain stderr on their own threads so no pipe can fill up and deadlock the child.
        let helpers = DispatchGroup()
        let errorBytes = Collected()
        helpers.enter()
        Thread.detachNewThread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
            helpers.leave()
        }
        helpers.enter()
        Thread.detachNewThread {
            errorBytes.data = err.fileHandleForReading.readDataToEndOfFile()
            helpers.leave()
        }
        let outputBytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        helpers.wait()
        return Output(
            status: process.terminationStatus, stdout: outputBytes,
            stderr: String(decoding: errorBytes.data, as: UTF8.self))
    }

    /// Bytes read on another thread, handed over once that thread is done (ordered by the DispatchGroup).
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
