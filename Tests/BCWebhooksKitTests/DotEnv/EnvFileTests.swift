import Foundation
import Testing

@testable import BCWebhooksKit

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

@Suite struct EnvFileTests {
    @Test func missingFileLoadsAsNil() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        #expect(try EnvFile.load(path: folder + "/.env") == nil)
    }

    @Test func folderInPlaceOfTheFileIsUnreadableWith73() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let error = try #require(throws: EnvFile.ReadFailure.self) { try EnvFile.load(path: folder) }
        #expect(error.exitCode == .cannotWrite)
        #expect(error.message.contains(folder))
    }

    @Test func textThatIsNotUTF8IsRefusedWith65() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try DotEnvTestSupport.writeBytes([0x41, 0x3D, 0xFF, 0xFE, 0x0A], to: path)
        let error = try #require(throws: EnvFile.ReadFailure.self) { try EnvFile.load(path: path) }
        #expect(error.exitCode == .dataError)
    }

    @Test func symlinkIsReadAtItsTarget() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        try DotEnvTestSupport.writeBytes(Array("A=from-target\n".utf8), to: folder + "/real")
        try #require(symlink("real", folder + "/.env") == 0)
        #expect(try EnvFile.load(path: folder + "/.env")?.value(forKey: "A") == "from-target")
    }

    @Test func updateCreatesA0600FileAndKeepsEverythingElse() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try EnvFile.update(["A": "1", "B": "two words"], path: path)
        #expect(try DotEnvTestSupport.readBytes(path) == Array("A=1\nB='two words'\n".utf8))
        #expect(DotEnvTestSupport.mode(path) == 0o600)

        try DotEnvTestSupport.writeBytes(Array("# keep\r\nexport A=1\r\nA=2".utf8), to: path, mode: 0o640)
        let warnings = try EnvFile.update(["A": "3"], path: path)
        #expect(warnings == [.duplicateKey(key: "A", lines: [2, 3], updatedLine: 3)])
        #expect(try DotEnvTestSupport.readBytes(path) == Array("# keep\r\nexport A=1\r\nA=3".utf8))
        #expect(DotEnvTestSupport.mode(path) == 0o640)
    }

    @Test func updateWithNothingToChangeDoesNotRewriteTheFile() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try DotEnvTestSupport.writeBytes(Array("A=\"1\"\n".utf8), to: path)
        let before = inode(path)
        try EnvFile.update(["A": "1"], path: path)
        #expect(inode(path) == before)
        try EnvFile.update(["A": "2"], path: path)
        #expect(inode(path) != before)
    }

    @Test func oneRefusedValueWritesNothing() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        try DotEnvTestSupport.writeBytes(Array("A=1\n".utf8), to: path)
        #expect(throws: DotEnvValueEncoding.Refusal.self) {
            try EnvFile.update(["B": "fine", "C": "not'fine"], path: path)
        }
        #expect(try DotEnvTestSupport.readBytes(path) == Array("A=1\n".utf8))
    }

    private func inode(_ path: String) -> ino_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_ino : 0
    }
}
