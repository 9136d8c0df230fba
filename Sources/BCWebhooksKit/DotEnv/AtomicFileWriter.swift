import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Replaces a file's contents all at once: readers see the old file or the new one, never a mix.
///
/// The bytes go to a `0600` temporary file created in the target's folder, are flushed to disk, get the
/// original's mode (and owner, when running as root), and are renamed over the target; the folder is then
/// flushed too. A symlink is followed and its target replaced, the link kept. A new file is `0600`.
/// On any failure the temporary file is removed and the target is left as it was. The temporary file is
/// registered with `TerminalRestorer` so Ctrl-C removes it.
public struct AtomicFileWriter: Sendable {
    /// The file could not be written; nothing was changed.
    public struct Failure: UserFacingError, Equatable {
        /// The path as given by the caller.
        public let path: String
        /// What went wrong, e.g. "cannot create a temporary file in /srv/app: Permission denied".
        public let reason: String

        /// What happened.
        public var message: String { "cannot write \(path): \(reason)" }
        /// What to do.
        public var hint: String {
            "make the file and its folder writable, or choose another file with --env-file (nothing was changed)"
        }
        /// The env file cannot be written.
        public var exitCode: ExitCode { .cannotWrite }
    }

    /// Called with the temporary file's path after it is written and flushed, just before the rename:
    /// a test seam to simulate dying at the worst moment. Throwing aborts the write.
    let beforeRename: @Sendable (_ temporaryPath: String) throws -> Void

    /// Creates a writer.
    public init() {
        self.beforeRename = { _ in }
    }

    /// Creates a writer that calls `beforeRename` between flushing the temporary file and renaming it.
    init(beforeRename: @escaping @Sendable (_ temporaryPath: String) throws -> Void) {
        self.beforeRename = beforeRename
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically (see the type's description).
    public func write(_ bytes: [UInt8], to path: String) throws {
        let target = try Self.resolveSymlinks(path, displayPath: path)
        let existing = try Self.existingFileStatus(target, displayPath: path)
        let folder = Self.folder(of: target)
        let temporary = folder + "/." + Self.fileName(of: target) + ".tmp-" + Self.randomSuffix()

        TerminalRestorer.shared.registerTemporaryFile(temporary)
        defer { TerminalRestorer.shared.unregisterTemporaryFile(temporary) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "cannot create a temporary file in \(folder): \(Self.lastError())")
        }
        do {
            try Self.fill(descriptor, with: bytes, displayPath: path)
            if let existing { try Self.copyOwnerAndMode(existing, to: descriptor, displayPath: path) }
            guard close(descriptor) == 0 else {
                throw Failure(path: path, reason: "closing the temporary file failed: \(Self.lastError())")
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        do {
            try beforeRename(temporary)
            guard rename(temporary, target) == 0 else {
                throw Failure(path: path, reason: "renaming the temporary file over it failed: \(Self.lastError())")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        Self.flushFolder(folder)
    }

    /// `path` with symlinks followed to the file they finally name (which may not exist yet).
    static func resolveSymlinks(_ path: String, displayPath: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return current }
                throw Failure(path: displayPath, reason: "cannot inspect \(current): \(lastError())")
            }
            guard status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else {
                throw Failure(path: displayPath, reason: "cannot read the symlink \(current): \(lastError())")
            }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
        }
        throw Failure(path: displayPath, reason: "too many levels of symlinks")
    }

    /// The status of the existing regular file at `target`, nil when there is none; refuses anything else.
    private static func existingFileStatus(_ target: String, displayPath: String) throws -> stat? {
        var status = stat()
        guard stat(target, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw Failure(path: displayPath, reason: "cannot inspect \(target): \(lastError())")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: displayPath, reason: "\(target) is not a regular file")
        }
        guard access(target, W_OK) == 0 else {
            throw Failure(path: displayPath, reason: "\(target) is read-only")
        }
        return status
    }

    private static func fill(_ descriptor: Int32, with bytes: [UInt8], displayPath: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: displayPath, reason: "writing the temporary file failed: \(lastError())")
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else {
            throw Failure(path: displayPath, reason: "flushing the temporary file failed: \(lastError())")
        }
    }

    private static func copyOwnerAndMode(_ original: stat, to descriptor: Int32, displayPath: String) throws {
        if geteuid() == 0 {
            var own = stat()
            if fstat(descriptor, &own) == 0, own.st_uid != original.st_uid || own.st_gid != original.st_gid {
                guard fchown(descriptor, original.st_uid, original.st_gid) == 0 else {
                    throw Failure(path: displayPath, reason: "keeping the file's owner failed: \(lastError())")
                }
            }
        }
        guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
            throw Failure(path: displayPath, reason: "keeping the file's mode failed: \(lastError())")
        }
    }

    /// Flushes the folder so the rename itself survives a crash; best effort, the file is already in place.
    private static func flushFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The folder holding `path` ("." for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func randomSuffix() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
