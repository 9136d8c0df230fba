import Foundation

/// What a program did in a pseudo-terminal, as reported by `pty_driver.py`.
struct PseudoTerminalSession: Sendable, Decodable {
    /// Everything the program wrote to the terminal, including what the terminal echoed of the typing.
    var transcript: String
    /// The exit status, or 128 + the signal number when a signal killed the program.
    var exitCode: Int32
    /// The signal that killed the program, if one did.
    var signal: Int32?
    /// The terminal's local-mode flags (`c_lflag`) before the program ran.
    var lflagStart: UInt32
    /// The local-mode flags at each step, just before typing.
    var lflagSteps: [UInt32]
    /// The local-mode flags after the program exited.
    var lflagEnd: UInt32
    /// The value of `termios.ECHO` on this system.
    var echoFlag: UInt32
    /// Why the script could not be followed to the end, if it could not.
    var failure: String?

    /// Whether ECHO was on before the program ran.
    var echoOnAtStart: Bool { lflagStart & echoFlag != 0 }
    /// Whether ECHO was on after the program exited.
    var echoOnAtEnd: Bool { lflagEnd & echoFlag != 0 }
    /// Whether ECHO was on just before typing at step `index`.
    func echoOn(atStep index: Int) -> Bool? {
        lflagSteps.indices.contains(index) ? lflagSteps[index] & echoFlag != 0 : nil
    }

    private enum CodingKeys: String, CodingKey {
        case transcript, signal, failure
        case exitCode = "exit_code"
        case lflagStart = "lflag_start"
        case lflagSteps = "lflag_steps"
        case lflagEnd = "lflag_end"
        case echoFlag = "echo_flag"
    }
}
