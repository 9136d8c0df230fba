import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct GitIgnoreCheckTests {
    /// Whether git can be run here.
    static let gitAvailable: Bool = (try? DotEnvTestSupport.run(["git", "--version"]).status) == 0

    /// A fresh git repository holding an env file, with `.gitignore` lines as given.
    private func makeRepository(ignoring patterns: [String]) throws -> String {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        try #require(try DotEnvTestSupport.run(["git", "init", "-q"], in: folder).status == 0)
        try DotEnvTestSupport.writeBytes(Array("SECRET=1\n".utf8), to: folder + "/.env")
        if !patterns.isEmpty {
            try DotEnvTestSupport.writeBytes(
                Array(patterns.map { $0 + "\n" }.joined().utf8), to: folder + "/.gitignore")
        }
        return folder
    }

    @Test(.enabled(if: gitAvailable)) func ignoredFileGetsNoWarning() throws {
        let repository = try makeRepository(ignoring: [".env*"])
        defer { DotEnvTestSupport.remove(repository) }
        #expect(GitIgnoreCheck.warning(forEnvFile: repository + "/.env") == nil)
        try FileManager.default.createDirectory(atPath: repository + "/sub", withIntermediateDirectories: true)
        #expect(GitIgnoreCheck.warning(forEnvFile: repository + "/sub/.env.staging") == nil)
    }

    @Test(.enabled(if: gitAvailable)) func fileNotIgnoredIsWarnedAbout() throws {
        let repository = try makeRepository(ignoring: [])
        defer { DotEnvTestSupport.remove(repository) }
        let warning = try #require(GitIgnoreCheck.warning(forEnvFile: repository + "/.env"))
        #expect(warning.contains("not ignored"))
        #expect(warning.contains(".gitignore"))
        #expect(try DotEnvTestSupport.listing(repository) == [".env", ".git"])
    }

    @Test(.enabled(if: gitAvailable)) func trackedFileIsWarnedAboutEvenWhenIgnored() throws {
        let repository = try makeRepository(ignoring: [".env"])
        defer { DotEnvTestSupport.remove(repository) }
        try #require(try DotEnvTestSupport.run(["git", "add", "-f", ".env"], in: repository).status == 0)
        let warning = try #require(GitIgnoreCheck.warning(forEnvFile: repository + "/.env"))
        #expect(warning.contains("tracked"))
        #expect(try DotEnvTestSupport.readBytes(repository + "/.gitignore") == Array(".env\n".utf8))
    }

    @Test func folderOutsideAnyRepositoryGetsNoWarning() throws {
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        try #require(try DotEnvTestSupport.run(["git", "-C", folder, "rev-parse"]).status != 0)
        #expect(GitIgnoreCheck.warning(forEnvFile: folder + "/.env") == nil)
    }

    @Test(.enabled(if: gitAvailable)) func missingGitGetsNoWarning() throws {
        let repository = try makeRepository(ignoring: [])
        defer { DotEnvTestSupport.remove(repository) }
        #expect(GitIgnoreCheck.warning(forEnvFile: repository + "/.env", git: "git-that-does-not-exist") == nil)
        #expect(GitIgnoreCheck.warning(forEnvFile: repository + "/.env") != nil)
    }
}
