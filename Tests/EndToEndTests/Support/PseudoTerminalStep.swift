/// One exchange with a program in a pseudo-terminal: wait for some output, then type.
struct PseudoTerminalStep: Sendable, Encodable {
    /// The text to wait for in the program's output.
    var expect: String
    /// What to type once it appears (`"\n"` ends a line, `"\u{03}"` is Ctrl-C).
    var send: String
    /// Also wait until the terminal's ECHO flag is off (hidden input has begun) before typing.
    var waitEchoOff: Bool

    /// Waits for `expect`, then types `send`.
    init(expect: String, send: String, waitEchoOff: Bool = false) {
        self.expect = expect
        self.send = send
        self.waitEchoOff = waitEchoOff
    }

    /// Waits for `expect`, then types `line` and Enter.
    static func answer(_ expect: String, with line: String) -> PseudoTerminalStep {
        PseudoTerminalStep(expect: expect, send: line + "\n")
    }

    private enum CodingKeys: String, CodingKey {
        case expect, send
        case waitEchoOff = "wait_echo_off"
    }
}
