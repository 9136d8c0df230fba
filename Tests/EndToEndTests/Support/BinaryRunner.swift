import Foundation

/// What one run of the built `bc-webhooks` binary produced.
struct RunResult {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    /// Everything the run printed, for leak assertions.
    var allOutput: String { stdout + stderr }
}

/// Runs the built `bc-webhooks` binary as a user would, with a clean environment.
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
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
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
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = DataBox()
        let errData = DataBox()
        let group = DispatchGroup()
        for (pipe, box) in [(outPipe, outData), (errPipe, errData)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return RunResult(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outData.data, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self)
        )
    }

    /// A new empty temporary folder, removed by the caller.
    static func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("bcw-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A mutable holder for bytes read on another thread; read only after the reader finished.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
