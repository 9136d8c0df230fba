import Foundation

/// What one run of a process produced.
struct RunResult: Sendable {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    /// Everything the run printed, for leak assertions.
    var allOutput: String { stdout + stderr }
}

/// Runs the built `bc-webhooks` binary (or any program) as a user would, with a clean environment.
///
/// Waiting happens on a dedicated thread, never on Swift's cooperative pool, so tests that run processes
/// cannot starve the in-process servers other tests rely on.
enum BinaryRunner {
    /// The binary SwiftPM built next to the test bundle.
    static var binaryPath: String {
        Bundle.main.bundleURL.appendingPathComponent("bc-webhooks").path
    }

    /// Runs the binary with `arguments` in `directory`, with `environment` added to a minimal base,
    /// feeding `stdin`, and gives up (killing it) after `timeout` seconds.
    static func run(
        _ arguments: [String],
        in directory: String = FileManager.default.temporaryDirectory.path,
        environment: [String: String] = [:],
        stdin: String? = nil,
        timeout: Double = 60
    ) async throws -> RunResult {
        try await runProgram(
            binaryPath, arguments, in: directory, environment: environment, stdin: stdin, timeout: timeout)
    }

    /// Runs any program the same way.
    static func runProgram(
        _ program: String,
        _ arguments: [String],
        in directory: String = FileManager.default.temporaryDirectory.path,
        environment: [String: String] = [:],
        stdin: String? = nil,
        timeout: Double = 60
    ) async throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory]
        base.merge(environment) { _, new in new }
        process.environment = base
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        let input = Data((stdin ?? "").utf8)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                inPipe.fileHandleForWriting.write(input)
                try? inPipe.fileHandleForWriting.close()
                let errData = DataBox()
                let readers = DispatchGroup()
                readers.enter()
                Thread.detachNewThread {
                    errData.data = errPipe.fileHandleForReading.readDataToEndOfFile()
                    readers.leave()
                }
                Thread.detachNewThread {
                    let deadline = Date().addingTimeInterval(timeout)
                    while process.isRunning && Date() < deadline { usleep(20_000) }
                    if process.isRunning { process.terminate() }
                }
                let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                readers.wait()
                continuation.resume(
                    returning: RunResult(
                        exitCode: process.terminationStatus,
                        stdout: String(decoding: outData, as: UTF8.self),
                        stderr: String(decoding: errData.data, as: UTF8.self)))
            }
        }
    }

    /// A new empty temporary folder, removed by the caller.
    static func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("bcw-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Bytes read on another thread, handed over once the reader is done (ordered by the DispatchGroup).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
