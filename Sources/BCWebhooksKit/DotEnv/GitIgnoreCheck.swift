import Foundation

/// Warns when an env file (which holds secrets) is tracked by git or not ignored by it; never edits anything.
public enum GitIgnoreCheck {
    /// The warning for the env file at `path`, or nil when it is ignored, not in a git work tree, or git is absent.
    ///
    /// Runs `git ls-files --error-unmatch` (tracked?) and `git check-ignore -q` (ignored?) in the file's folder.
    /// `git` names the executable, looked up on `PATH`.
    public static func warning(forEnvFile path: String, git: String = "git") -> String? {
        let folder = AtomicFileWriter.folder(of: path)
        let name = AtomicFileWriter.fileName(of: path)
        guard run(git, ["rev-parse", "--is-inside-work-tree"], in: folder) == 0 else { return nil }
        if run(git, ["ls-files", "--error-unmatch", "--", name], in: folder) == 0 {
            return "\(path) is tracked by git, so its secrets are in the repository: "
                + "run `git rm --cached \(name)`, add it to .gitignore, and rotate the secrets"
        }
        switch run(git, ["check-ignore", "-q", "--", name], in: folder) {
        case 1: return "\(path) is not ignored by git: add it to .gitignore so its secrets are never committed"
        default: return nil
        }
    }

    /// Runs git quietly and returns its exit status, or nil when it cannot be started.
    private static func run(_ git: String, _ arguments: [String], in folder: String) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [git, "-C", folder] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }
}
