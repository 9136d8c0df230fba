import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads and atomically writes a sandbox state file (pretty, sorted JSON; created `0600`).
public struct SandboxStateFile: Sendable {
    /// The file's path.
    public let path: String

    /// Why a state file could not be used.
    public struct Failure: UserFacingError, Equatable {
        /// What happened.
        public let message: String
        /// What to do.
        public let hint: String
        /// The exit code.
        public let exitCode: ExitCode
    }

    /// The file name the in-process `--sandbox` mode uses beside the env file.
    public static let inProcessFileName = ".bc-webhooks-sandbox.json"

    /// The `--sandbox` state file beside `envFilePath` (same folder, `.bc-webhooks-sandbox.json`).
    public static func path(besideEnvFile envFilePath: String) -> String {
        let folder = (envFilePath as NSString).deletingLastPathComponent
        return folder.isEmpty ? inProcessFileName : (folder as NSString).appendingPathComponent(inProcessFileName)
    }

    /// Creates a handle on the state file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The file's bytes, or `nil` when there is no file.
    public func readData() throws -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(
                message: "cannot read the sandbox state file \(path)", hint: "check its permissions",
                exitCode: .dataError)
        }
        return data
    }

    /// Decodes a state from the file's bytes.
    public func decode(_ data: Data) throws -> SandboxState {
        do {
            return try JSONDecoder().decode(SandboxState.self, from: data)
        } catch {
            throw Failure(
                message: "the sandbox state file \(path) is not valid sandbox JSON",
                hint: "fix it or delete it to start from an empty store", exitCode: .dataError)
        }
    }

    /// Loads the state, or `nil` when there is no file.
    public func load() throws -> SandboxState? {
        guard let data = try readData() else { return nil }
        return try decode(data)
    }

    /// The bytes `save` writes for `state`.
    public static func encode(_ state: SandboxState) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, ints and bools cannot fail.
        return (try? encoder.encode(state)) ?? Data("{}".utf8)
    }

    /// Writes `state` atomically: a `0600` temp file in the same folder, flushed, then renamed over the file.
    @discardableResult
    public func save(_ state: SandboxState) throws -> Data {
        let data = SandboxStateFile.encode(state)
        let temp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let failure = Failure(
            message: "cannot write the sandbox state file \(path)", hint: "check that its folder is writable",
            exitCode: .cannotWrite)
        let descriptor = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while written < buffer.count {
                let result = Glibc.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard ok, synced, rename(temp, path) == 0 else {
            unlink(temp)
            throw failure
        }
        return data
    }
}
