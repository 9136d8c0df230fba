import Foundation
import Testing

@testable import BCWebhooksKit

/// `GitIgnoreCheck` against real git repositories; git and the check run off the cooperative pool.
@Suite struct GitIgnoreCheckTests {
    /// Whether git can be run here.
    static func gitAvailable() async -> Bool {
        (try? await Subprocess.run(["git", "--version"]).status) == 0
    }

    /// A fresh git repository holding an env file, with `.gitignore` lines as given.
    private func makeRepository(ignoring patterns: [String]) async throws -> String {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        try #require(try await Subprocess.run(["git", "init", "-q"], in: folder).status == 0)
        try DotEnvTestSupport.writeBytes(Array("SECRET=1\n".utf8), to: folder + "/.env")
        if !patterns.isEmpty {
            try DotEnvTestSupport.writeBytes(
                Array(patterns.map { $0 + "\n" }.joined().utf8), to: folder + "/.gitignore")
        }
        return folder
    }

    /// The check's warning for `path`, computed on a dedicated thread (it waits for git processes).
    private func warning(_ path: String, git: String = "git") async -> String? {
        await OffPool.run { GitIgnoreCheck.warning(forEnvFile: path, git: git) }
    }

    @Test(.enabled { await gitAvailable() }) func ignoredFileGetsNoWarning() async throws {
        let repository = try await makeRepository(ignoring: [".env*"])
        defer { DotEnvTestSupport.remove(repository) }
        #expect(await warning(repository + "/.env") == nil)
        try FileManager.default.createDirectory(atPath: repository + "/sub", withIntermediateDirectories: true)
        #expect(await warning(repository + "/sub/.env.staging") == nil)
    }

    @Test(.enabled { await gitAvailable() }) func fileNotIgnoredIsWarnedAbout() async throws {
        let repository = try await makeRepository(ignoring: [])
        defer { DotEnvTestSupport.remove(repository) }
        let warning = try #require(await warning(repository + "/.env"))
        #expect(warning.contains("not ignored"))
        #expect(warning.contains(".gitignore"))
        #expect(try DotEnvTestSupport.listing(repository) == [".env", ".git"])
    }

    @Test(.enabled { await gitAvailable() }) func trackedFileIsWarnedAboutEvenWhenIgnored() async throws {
        let repository = try await makeRepository(ignoring: [".env"])
        defer { DotEnvTestSupport.remove(repository) }
        try #require(try await Subprocess.run(["git", "add", "-f", ".env"], in: repository).status == 0)
        let warning = try #require(await warning(repository + "/.env"))
        #expect(warning.contains("tracked"))
        #expect(try DotEnvTestSupport.readBytes(repository + "/.gitignore") == Array(".env\n".utf8))
    }

    @Test func folderOutsideAnyRepositoryGetsNoWarning() async throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        try #require(try await Subprocess.run(["git", "-C", folder, "rev-parse"]).status != 0)
        #expect(await warning(folder + "/.env") == nil)
    }

    @Test(.enabled { await gitAvailable() }) func missingGitGetsNoWarning() async throws {
        let repository = try await makeRepository(ignoring: [])
        defer { DotEnvTestSupport.remove(repository) }
        #expect(await warning(repository + "/.env", git: "git-that-does-not-exist") == nil)
        #expect(await warning(repository + "/.env") != nil)
    }
}
