import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Remembers the terminal settings in force before hidden input, so a Ctrl-C handler can put them back.
///
/// The SIGINT handler is a plain C function: it restores the saved settings, removes any registered
/// temporary file, and exits 130. Nothing in it is actor-isolated.
public final class TerminalRestorer: @unchecked Sendable {
    /// The one instance the signal handler reads.
    public static let shared = TerminalRestorer()

    private let lock = NSLock()
    private var saved: termios?
    private var temporaryFiles: Set<String> = []

    /// Saves `settings` to restore on interrupt.
    func remember(_ settings: termios) {
        lock.lock()
        saved = settings
        lock.unlock()
    }

    /// Drops the saved settings once they have been restored normally.
    func forget() {
        lock.lock()
        saved = nil
        lock.unlock()
    }

    /// Registers a temporary file to delete if the process is interrupted before it is renamed.
    public func registerTemporaryFile(_ path: String) {
        lock.lock()
        temporaryFiles.insert(path)
        lock.unlock()
    }

    /// Unregisters a temporary file once it has been renamed or removed.
    public func unregisterTemporaryFile(_ path: String) {
        lock.lock()
        temporaryFiles.remove(path)
        lock.unlock()
    }

    /// Installs the SIGINT handler; call once from `main`.
    public static func installInterruptHandler() {
        signal(SIGINT) { _ in
            TerminalRestorer.shared.restoreForInterrupt()
            _exit(130)
        }
    }

    private func restoreForInterrupt() {
        // Best effort without waiting on the lock: a handler must not block.
        if lock.try() {
            if var settings = saved { tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings) }
            for path in temporaryFiles { unlink(path) }
            lock.unlock()
        }
        let newline: [UInt8] = [10]
        _ = Glibc.write(STDERR_FILENO, newline, 1)
    }
}
