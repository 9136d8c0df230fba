import Foundation
import Testing

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Temporary folders, file helpers and the reference readers (python-dotenv, bash, run off the cooperative pool) for the DotEnv tests.
enum DotEnvTestSupport {
    /// A fresh empty folder under the system temporary directory.
    static func makeTemporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("dotenv-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Removes a folder made by `makeTemporaryFolder`.
    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes raw bytes to a file (creating it 0644 by default, as a user's editor would).
    static func writeBytes(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        try #require(written == bytes.count)
        try #require(fchmod(descriptor, mode) == 0)
    }

    /// The bytes of a file.
    static func readBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The permission bits of a file (following symlinks).
    static func mode(_ path: String) -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        return status.st_mode & 0o7777
    }

    /// The names in a folder.
    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// Whether python3 with python-dotenv can be run (checked once, off the cooperative pool).
    static var pythonDotenvAvailable: Bool {
        get async { await pythonDotenvCheck.value }
    }

    private static let pythonDotenvCheck = Task {
        (try? await Subprocess.run(["python3", "-c", "import dotenv"]).status == 0) ?? false
    }

    /// Every key python-dotenv reads from `path` (without interpolation), nil values for bare keys.
    static func pythonDotenvValues(_ path: String, interpolate: Bool = false) async throws -> [String: String?] {
        let script = """
            import json, sys
            from dotenv import dotenv_values
            values = dotenv_values(sys.argv[1], interpolate=sys.argv[2] == "1", encoding="utf-8-sig")
            print(json.dumps(values))
            """
        let output = try await Subprocess.run(["python3", "-c", script, path, interpolate ? "1" : "0"])
        try #require(output.status == 0, "python-dotenv failed: \(output.stderr)")
        let object = try JSONSerialization.jsonObject(with: output.stdout)
        let dictionary = try #require(object as? [String: Any])
        var result: [String: String?] = [:]
        for (key, value) in dictionary {
            result[key] = .some(value as? String)
        }
        return result
    }

    /// The value bash gives `key` after `set -a; . ./file` in the file's folder, or nil when unset.
    static func bashValue(of key: String, sourcing path: String) async throws -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let script =
            "set -a; . ./\(name) || exit 3; if [ -z \"${\(key)+set}\" ]; then exit 4; fi; printf %s \"$\(key)\""
        let output = try await Subprocess.run(
            ["-i", "PATH=/usr/bin:/bin", "bash", "--norc", "--noprofile", "-c", script], in: folder)
        if output.status == 4 { return nil }
        try #require(output.status == 0, "bash failed: \(output.stderr)")
        return String(decoding: output.stdout, as: UTF8.self)
    }
}
