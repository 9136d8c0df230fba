import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real standard streams, with hidden input through `termios` (Ctrl-C keeps working).
public final class SystemTerminal: Terminal, @unchecked Sendable {
    private let lock = NSLock()

    /// Creates the terminal over the process's file descriptors 0, 1 and 2.
    public init() {}

    /// Whether fd 0 is a terminal.
    public var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    /// Whether fd 1 is a terminal.
    public var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    /// Whether fd 2 is a terminal.
    public var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes to fd 1 unbuffered.
    public func write(_ text: String) {
        writeAll(STDOUT_FILENO, text)
    }

    /// Writes to fd 2 unbuffered.
    public func writeError(_ text: String) {
        writeAll(STDERR_FILENO, text)
    }

    /// Reads bytes from fd 0 up to a newline; `nil` at end of input with nothing read.
    public func readLine() -> String? {
        lock.lock()
        defer { lock.unlock() }
        var bytes = [UInt8]()
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? nil : decode(bytes) }
            if byte == UInt8(ascii: "\n") { return decode(bytes) }
            bytes.append(byte)
        }
    }

    /// Reads a line with echo turned off; the terminal is restored before returning, and by the
    /// interrupt handler if Ctrl-C arrives meanwhile.
    public func readHiddenLine() throws -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine() }
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return readLine() }
        var hidden = original
        hidden.c_lflag &= ~tcflag_t(ECHO)
        hidden.c_lflag |= tcflag_t(ECHONL)
        TerminalRestorer.shared.remember(original)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            TerminalRestorer.shared.forget()
        }
        return readLine()
    }

    private func decode(_ bytes: [UInt8]) -> String {
        var line = String(decoding: bytes, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    private func writeAll(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
