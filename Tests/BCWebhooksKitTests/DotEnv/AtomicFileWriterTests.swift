import Foundation
import Testing

@testable import BCWebhooksKit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

@Suite struct AtomicFileWriterTests {
    /// Whether `chattr +i` works here (ext4, root): the one way to make a folder unwritable for root.
    static func immutableFoldersWork() async -> Bool {
        guard let folder = try? DotEnvTestSupport.makeTemporaryFolder() else { return false }
        defer { DotEnvTestSupport.remove(folder) }
        guard (try? await Subprocess.run(["chattr", "+i", folder]).status) == 0 else { return false }
        _ = try? await Subprocess.run(["chattr", "-i", folder])
        return true
    }

    /// Thrown by the test hook to stand for the process dying before the rename.
    struct SimulatedDeath: Error {}

    @Test func newFileIsCreatedWithMode0600() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try AtomicFileWriter().write("A=1\n", to: path)
        #expect(try DotEnvTestSupport.readBytes(path) == Array("A=1\n".utf8))
        #expect(DotEnvTestSupport.mode(path) == 0o600)
        #expect(try DotEnvTestSupport.listing(folder) == [".env"])
    }

    @Test(arguments: [mode_t(0o640), 0o604, 0o755])
    func existingFileKeepsItsMode(_ mode: mode_t) throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try DotEnvTestSupport.writeBytes(Array("OLD=1\n".utf8), to: path, mode: mode)
        try AtomicFileWriter().write("NEW=1\n", to: path)
        #expect(try DotEnvTestSupport.readBytes(path) == Array("NEW=1\n".utf8))
        #expect(DotEnvTestSupport.mode(path) == mode)
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file away"))
    func existingFileKeepsItsOwnerWhenRunAsRoot() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try DotEnvTestSupport.writeBytes(Array("OLD=1\n".utf8), to: path, mode: 0o640)
        try #require(chown(path, 4321, 4322) == 0)
        try AtomicFileWriter().write("NEW=1\n", to: path)
        var status = stat()
        try #require(stat(path, &status) == 0)
        #expect(status.st_uid == 4321)
        #expect(status.st_gid == 4322)
        #expect(status.st_mode & 0o7777 == 0o640)
    }

    @Test func symlinkIsFollowedAndKept() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/shared", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/app", withIntermediateDirectories: true)
        let target = folder + "/shared/env"
        try DotEnvTestSupport.writeBytes(Array("OLD=1\n".utf8), to: target, mode: 0o640)
        let link = folder + "/app/.env"
        try #require(symlink("../shared/env", link) == 0)

        try AtomicFileWriter().write("NEW=1\n", to: link)

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../shared/env")
        #expect(try DotEnvTestSupport.readBytes(target) == Array("NEW=1\n".utf8))
        #expect(DotEnvTestSupport.mode(target) == 0o640)
        #expect(try DotEnvTestSupport.listing(folder + "/app") == [".env"])
        #expect(try DotEnvTestSupport.listing(folder + "/shared") == ["env"])
    }

    @Test func danglingSymlinkCreatesItsTarget() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let link = folder + "/.env"
        try #require(symlink(folder + "/real.env", link) == 0)
        try AtomicFileWriter().write("NEW=1\n", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == folder + "/real.env")
        #expect(try DotEnvTestSupport.readBytes(folder + "/real.env") == Array("NEW=1\n".utf8))
        #expect(DotEnvTestSupport.mode(folder + "/real.env") == 0o600)
    }

    @Test(.enabled("needs chattr +i (ext4, root)") { await immutableFoldersWork() })
    func unwritableFolderFailsWith73AndLeavesTheFile() async throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        let original = Array("KEEP=1\n".utf8)
        try DotEnvTestSupport.writeBytes(original, to: path, mode: 0o640)
        try #require(try await Subprocess.run(["chattr", "+i", folder]).status == 0)
        let outcome = Result { try AtomicFileWriter().write("NEW=1\n", to: path) }
        let bytes = Result { try DotEnvTestSupport.readBytes(path) }
        let listing = Result { try DotEnvTestSupport.listing(folder) }
        _ = try? await Subprocess.run(["chattr", "-i", folder])

        let error = try #require(throws: AtomicFileWriter.Failure.self) { try outcome.get() }
        #expect(error.exitCode == .cannotWrite)
        #expect(error.message.contains(path))
        #expect(!error.hint.isEmpty)
        #expect(try bytes.get() == original)
        #expect(try listing.get() == [".env"])
    }

    @Test(.enabled("needs chattr +i (ext4, root)") { await immutableFoldersWork() })
    func immutableFileFailsWith73AndStaysAsItWas() async throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        let original = Array("KEEP=1\n".utf8)
        try DotEnvTestSupport.writeBytes(original, to: path, mode: 0o600)
        try #require(try await Subprocess.run(["chattr", "+i", path]).status == 0)
        let outcome = Result { try AtomicFileWriter().write("NEW=1\n", to: path) }
        let bytes = Result { try DotEnvTestSupport.readBytes(path) }
        let listing = Result { try DotEnvTestSupport.listing(folder) }
        _ = try? await Subprocess.run(["chattr", "-i", path])

        let error = try #require(throws: AtomicFileWriter.Failure.self) { try outcome.get() }
        #expect(error.exitCode == .cannotWrite)
        #expect(try bytes.get() == original)
        #expect(try listing.get() == [".env"])
    }

    @Test func failedRenameRemovesTheTemporaryFile() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try DotEnvTestSupport.writeBytes(Array("OLD=1\n".utf8), to: path)
        // Between the flush and the rename, something puts a non-empty folder where the file was.
        let writer = AtomicFileWriter { _ in
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        }
        let error = try #require(throws: AtomicFileWriter.Failure.self) { try writer.write("NEW=1\n", to: path) }
        #expect(error.exitCode == .cannotWrite)
        #expect(error.message.contains("renaming"))
        #expect(try DotEnvTestSupport.listing(folder) == [".env"])
        #expect(try DotEnvTestSupport.listing(path) == ["inside"])
    }

    @Test func directoryInPlaceOfTheFileFailsWith73() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let error = try #require(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter().write("NEW=1\n", to: path)
        }
        #expect(error.exitCode == .cannotWrite)
        #expect(try DotEnvTestSupport.listing(folder) == [".env"])
        #expect(try DotEnvTestSupport.listing(path).isEmpty)
    }

    @Test func folderThatIsAFileFailsWith73() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let notAFolder = folder + "/plain"
        try DotEnvTestSupport.writeBytes(Array("x".utf8), to: notAFolder)
        let error = try #require(throws: AtomicFileWriter.Failure.self) {
            try AtomicFileWriter().write("NEW=1\n", to: notAFolder + "/.env")
        }
        #expect(error.exitCode == .cannotWrite)
        #expect(try DotEnvTestSupport.readBytes(notAFolder) == Array("x".utf8))
    }

    @Test func dyingBeforeTheRenameLeavesTheOriginalAndNoTemporaryFile() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        let original = Array("KEEP=1\n".utf8)
        try DotEnvTestSupport.writeBytes(original, to: path, mode: 0o640)
        let seen = SeenTemporaryFile()
        let writer = AtomicFileWriter { temporary in
            // At this point the new bytes are complete and flushed in the temporary file beside the target.
            seen.record(temporary, bytes: (try? DotEnvTestSupport.readBytes(temporary)) ?? [])
            throw SimulatedDeath()
        }
        #expect(throws: SimulatedDeath.self) { try writer.write("NEW=1\n", to: path) }
        let temporary = try #require(seen.path)
        #expect(AtomicFileWriter.folder(of: temporary) == folder)
        #expect(seen.bytes == Array("NEW=1\n".utf8))
        #expect(try DotEnvTestSupport.readBytes(path) == original)
        #expect(DotEnvTestSupport.mode(path) == 0o640)
        #expect(try DotEnvTestSupport.listing(folder) == [".env"])
    }

    @Test func ctrlCBeforeTheRenameInARealProcessLeavesTheOriginalAndNoTemporaryFile() async throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        let original = Array("KEEP=1\n".utf8)
        try DotEnvTestSupport.writeBytes(original, to: path, mode: 0o640)
        // Run the writer once here so the forked child only runs code that is already loaded.
        try AtomicFileWriter().write("WARM=1\n", to: folder + "/warm")
        try FileManager.default.removeItem(atPath: folder + "/warm")
        let writer = AtomicFileWriter { _ in
            // A real SIGINT to this process, handled by the real handler, which must delete the temp file.
            raise(SIGINT)
        }

        // Fork and wait for the child on a dedicated thread: the wait polls for up to ten seconds.
        let (finished, status) = try await OffPool.run { () throws -> (Bool, Int32) in
            let child = fork()
            guard child >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if child == 0 {
                var unblocked = sigset_t()
                sigemptyset(&unblocked)
                sigaddset(&unblocked, SIGINT)
                pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
                TerminalRestorer.installInterruptHandler()
                try? writer.write("NEW=1\n", to: path)
                _exit(0)
            }
            var status: Int32 = 0
            var waited: pid_t = 0
            for _ in 0..<1000 {
                waited = waitpid(child, &status, WNOHANG)
                if waited != 0 { break }
                usleep(10_000)
            }
            if waited == 0 {
                kill(child, SIGKILL)
                waitpid(child, &status, 0)
            }
            return (waited != 0, status)
        }
        if !finished { Issue.record("the child did not finish") }
        // Exited (not killed by a signal) with 130, the interrupt code.
        #expect(status & 0x7F == 0)
        #expect((status >> 8) & 0xFF == 130)
        #expect(try DotEnvTestSupport.readBytes(path) == original)
        #expect(try DotEnvTestSupport.listing(folder) == [".env"])
    }
}
