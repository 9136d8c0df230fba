/// How a command talks to the person or script running it: results on stdout, everything else on stderr,
/// quiet and JSON modes honoured, colour decided once.
public struct Console: Sendable {
    /// The underlying streams.
    public let terminal: any Terminal
    /// Colours for stdout.
    public let style: OutputStyle
    /// Colours for stderr.
    public let errorStyle: OutputStyle
    /// `--quiet`: only results and errors.
    public let isQuiet: Bool
    /// `--json`: stdout carries only the JSON result.
    public let isJSON: Bool

    /// Creates a console for one run from the global flags and environment.
    public init(terminal: any Terminal, invocation: Invocation, environment: [String: String]) {
        self.terminal = terminal
        let noColor = invocation.has("no-color")
        style = OutputStyle(noColorFlag: noColor, environment: environment, isTerminal: terminal.stdoutIsTerminal)
        errorStyle = OutputStyle(noColorFlag: noColor, environment: environment, isTerminal: terminal.stderrIsTerminal)
        isQuiet = invocation.has("quiet")
        isJSON = invocation.has("json")
    }

    /// A result line for people (stdout); left out in JSON mode.
    public func result(_ line: String) {
        guard !isJSON else { return }
        terminal.write(line + "\n")
    }

    /// An informative line (stdout); left out in quiet and JSON modes.
    public func info(_ line: String) {
        guard !isJSON, !isQuiet else { return }
        terminal.write(line + "\n")
    }

    /// A progress line (stderr); left out in quiet mode.
    public func progress(_ line: String) {
        guard !isQuiet else { return }
        terminal.writeError(line + "\n")
    }

    /// A warning (stderr), always shown.
    public func warn(_ line: String) {
        terminal.writeError(errorStyle.yellow("warning:") + " " + line + "\n")
    }

    /// The JSON result (stdout), followed by a newline.
    public func json(_ text: String) {
        terminal.write(text + "\n")
    }

    /// An error line on stderr, `error: <what> — <what to do>`.
    public func error(_ error: any UserFacingError) {
        let line = error.renderedLine
        terminal.writeError(errorStyle.red("error:") + line.dropFirst("error:".count) + "\n")
    }
}
