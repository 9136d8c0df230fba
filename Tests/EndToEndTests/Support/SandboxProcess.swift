import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `bc-webhooks sandbox` subprocess serving a simulated store on loopback, with its state file and request log.
///
/// Its stdout is read on a dedicated thread; tests wait for lines with async waits, never blocking the
/// cooperative pool.
final class SandboxProcess: Sendable {
    /// Why the sandbox could not be used.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    /// The API path it prints, e.g. `http://127.0.0.1:PORT/stores/sandbox1/v3/`.
    let apiPath: String
    /// The API path without `v3/`, as `FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT` holds it.
    var endpoint: String { String(apiPath.dropLast("v3/".count)) }
    /// The token it accepts.
    let token: String
    /// The port it listens on.
    let port: Int
    /// The store hash it serves.
    let storeHash: String
    /// Its state file.
    let statePath: String

    private let process: Process
    private let output: Output

    /// Stdout received so far, and the waiters for lines yet to come.
    private final class Output: Sendable {
        struct Waiter {
            let id: UUID
            let predicate: @Sendable ([String]) -> Bool
            let continuation: CheckedContinuation<Bool, Never>
        }
        struct State {
            var lines: [String] = []
            var partial = Data()
            var closed = false
            var waiters: [Waiter] = []
        }
        let state = Mutex(State())

        /// Appends bytes, splitting them into lines, and wakes the waiters now satisfied.
        func append(_ data: Data) {
            let ready: [Waiter] = state.withLock { state in
                state.partial.append(data)
                while let newline = state.partial.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = state.partial[state.partial.startIndex..<newline]
                    state.lines.append(String(decoding: line, as: UTF8.self))
                    state.partial = Data(state.partial[state.partial.index(after: newline)...])
                }
                return Self.takeSatisfied(&state)
            }
            for waiter in ready { waiter.continuation.resume(returning: true) }
        }

        /// Marks the end of output: every waiter left is woken unsatisfied.
        func close() {
            let left: [Waiter] = state.withLock { state in
                state.closed = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in left { waiter.continuation.resume(returning: false) }
        }

        private static func takeSatisfied(_ state: inout State) -> [Waiter] {
            let lines = state.lines
            let ready = state.waiters.filter { $0.predicate(lines) }
            state.waiters.removeAll { waiter in ready.contains { $0.id == waiter.id } }
            return ready
        }

        /// Waits until `predicate` holds for the lines so far; false on timeout or end of output.
        func wait(timeout: Double, until predicate: @escaping @Sendable ([String]) -> Bool) async -> Bool {
            let id = UUID()
            let timer = Task {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                self.expire(id)
            }
            defer { timer.cancel() }
            return await withCheckedContinuation { continuation in
                let immediate: Bool? = state.withLock { state in
                    if predicate(state.lines) { return true }
                    if state.closed { return false }
                    state.waiters.append(Waiter(id: id, predicate: predicate, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        }

        private func expire(_ id: UUID) {
            let waiter: Waiter? = state.withLock { state in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: false)
        }
    }

    private init(
        apiPath: String, token: String, port: Int, storeHash: String, statePath: String, process: Process,
        output: Output
    ) {
        self.apiPath = apiPath
        self.token = token
        self.port = port
        self.storeHash = storeHash
        self.statePath = statePath
        self.process = process
        self.output = output
    }

    /// Starts `bc-webhooks sandbox --port 0 --state <directory>/state.json --token <token>` plus `arguments`,
    /// and returns once it has printed its API path.
    static func start(
        in directory: String, token: String = "sbx-tok-\(UUID().uuidString)", arguments: [String] = []
    ) async throws -> SandboxProcess {
        let statePath = (directory as NSString).appendingPathComponent("state.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = ["sandbox", "--port", "0", "--state", statePath, "--token", token] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory,
        ]
        let outPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let output = Output()
        try process.run()
        Thread.detachNewThread {
            let reader = outPipe.fileHandleForReading
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                output.append(data)
            }
            output.close()
        }
        let ready = await output.wait(timeout: 30) { lines in lines.contains { $0.contains("API path:") } }
        let lines = output.state.withLock { $0.lines }
        guard ready, let line = lines.first(where: { $0.contains("API path:") }),
            let apiPath = line.split(separator: " ").last.map(String.init),
            let url = URL(string: apiPath), let port = url.port
        else {
            if process.isRunning { process.terminate() }
            throw Failure(description: "the sandbox did not print its API path; it printed: \(lines)")
        }
        let storeHash = url.pathComponents.dropFirst(2).first ?? ""
        return SandboxProcess(
            apiPath: apiPath, token: token, port: port, storeHash: storeHash, statePath: statePath,
            process: process, output: output)
    }

    /// Every stdout line so far.
    var lines: [String] {
        output.state.withLock { $0.lines }
    }

    /// The request log so far: the lines like `GET /stores/HASH/v3/hooks?page=1 → 200`, without the
    /// marker requests `settledRequests` sends.
    var requests: [String] {
        lines.filter { Self.isRequestLine($0) && !$0.contains(Self.markerPrefix) }
    }

    private static let markerPrefix = "e2e-barrier-"

    /// Whether `line` is a request log line.
    static func isRequestLine(_ line: String) -> Bool {
        let method = line.prefix { $0 != " " }
        return ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(String(method)) && line.contains(" → ")
    }

    /// The request log once every request that completed before this call is in it: sends a marker request
    /// of its own and waits for its line. Returns the request lines before the marker, after the first `start`.
    func settledRequests(since start: Int = 0) async throws -> [String] {
        let marker = Self.markerPrefix + UUID().uuidString
        var request = URLRequest(url: try #require(URL(string: apiPath + marker)))
        request.setValue(token, forHTTPHeaderField: "X-Auth-Token")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        _ = try await URLSession.shared.data(for: request)
        let seen = await output.wait(timeout: 10) { lines in lines.contains { $0.contains(marker) } }
        guard seen else { throw Failure(description: "the sandbox never logged the marker request") }
        // Lines before the marker's: every request that completed before this call is among them.
        let before = lines.prefix { !$0.contains(marker) }
        let all = before.filter { Self.isRequestLine($0) && !$0.contains(Self.markerPrefix) }
        return Array(all.dropFirst(start))
    }

    /// The state file as JSON.
    func readState() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: statePath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The hooks in the state file (none while the sandbox has not written it yet).
    func hooks() throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: statePath) else { return [] }
        return (try readState()["hooks"] as? [[String: Any]]) ?? []
    }

    /// Edits the state file (an empty object when there is none) and writes it back atomically.
    func modifyState(_ edit: (inout [String: Any]) throws -> Void) throws {
        var state = (try? readState()) ?? [:]
        try edit(&state)
        let data = try JSONSerialization.data(withJSONObject: state, options: [.prettyPrinted, .sortedKeys])
        let temp = statePath + ".e2e-\(UUID().uuidString)"
        try data.write(to: URL(fileURLWithPath: temp))
        guard rename(temp, statePath) == 0 else { throw Failure(description: "cannot replace the state file") }
    }

    /// Edits the hook of `scope` in the state file.
    func modifyHook(scope: String, _ edit: (inout [String: Any]) -> Void) throws {
        try modifyState { state in
            var hooks = (state["hooks"] as? [[String: Any]]) ?? []
            let index = try #require(hooks.firstIndex { $0["scope"] as? String == scope })
            edit(&hooks[index])
            state["hooks"] = hooks
        }
    }

    /// Stops the sandbox with `signal` (SIGKILL if it lingers) and returns its exit status, or `nil` when it had
    /// to be killed. Waits asynchronously: for its output to end, then for the process to be reaped.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) async -> Int32? {
        if process.isRunning { kill(process.processIdentifier, signal) }
        _ = await output.wait(timeout: 10) { _ in false }
        for _ in 0..<250 where process.isRunning {
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }
}
