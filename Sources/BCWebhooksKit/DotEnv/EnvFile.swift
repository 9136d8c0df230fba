import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Loads and saves env files: the file-system side of `DotEnvDocument`.
public enum EnvFile {
    /// The env file exists but cannot be read as text.
    public struct ReadFailure: UserFacingError, Equatable {
        /// The path as given.
        public let path: String
        /// Why it cannot be read.
        public let reason: String
        /// The exit code: 73 when the file cannot be opened (it could not be updated safely either),
        /// 65 when its contents are not UTF-8 text.
        public let exitCode: ExitCode

        /// What happened.
        public var message: String { "cannot read the env file \(path): \(reason)" }
        /// What to do.
        public var hint: String {
            exitCode == .dataError
                ? "save it as UTF-8 text, or choose another file with --env-file"
                : "make it readable, or choose another file with --env-file (nothing was changed)"
        }
    }

    /// The document in the file at `path` (a symlink is read at its target), or nil when there is no file.
    public static func load(path: String) throws -> DotEnvDocument? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw ReadFailure(path: path, reason: String(cString: strerror(errno)), exitCode: .cannotWrite)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw ReadFailure(path: path, reason: "it is not a regular file", exitCode: .cannotWrite)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(path: path, reason: String(cString: strerror(errno)), exitCode: .cannotWrite)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadFailure(path: path, reason: "it is not UTF-8 text", exitCode: .dataError)
        }
        return DotEnvDocument(text: text)
    }

    /// Writes `document` to `path` atomically (see `AtomicFileWriter`).
    public static func save(_ document: DotEnvDocument, path: String, writer: AtomicFileWriter = AtomicFileWriter())
        throws
    {
        try writer.write(document.render(), to: path)
    }

    /// Sets each of `values` in the file at `path` (created when missing) and saves it once.
    ///
    /// Every value is checked before anything is written: on any error the file is untouched.
    /// A file that already holds every value is not rewritten.
    /// Returns the warnings (duplicate keys) to show the user.
    @discardableResult
    public static func update(
        _ values: KeyValuePairs<String, String>, path: String, writer: AtomicFileWriter = AtomicFileWriter()
    ) throws -> [DotEnvWarning] {
        try update(values.map { (key: $0.key, value: $0.value) }, path: path, writer: writer)
    }

    /// Sets each of `values`, in order, in the file at `path`; see the `KeyValuePairs` form.
    @discardableResult
    public static func update(
        _ values: [(key: String, value: String)], path: String, writer: AtomicFileWriter = AtomicFileWriter()
    ) throws -> [DotEnvWarning] {
        let original = try load(path: path)
        var document = original ?? DotEnvDocument(text: "")
        var warnings: [DotEnvWarning] = []
        for (key, value) in values {
            warnings += try document.set(value, forKey: key)
        }
        if document != original { try save(document, path: path, writer: writer) }
        return warnings
    }
}
