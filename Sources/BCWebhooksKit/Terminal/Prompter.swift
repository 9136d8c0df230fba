import Foundation

/// Asks a person for values on the terminal: shows the default in brackets, re-asks on invalid input with
/// the reason, and refuses to ask at all when there is no person (`--no-input`, or stdin not a terminal).
public struct Prompter: Sendable {
    /// The streams prompts are written to and answers read from.
    public let terminal: any Terminal
    /// Whether asking is allowed at all.
    public let canAsk: Bool
    /// Colours for the prompts (they go to stderr, so stdout stays clean for results).
    public let style: OutputStyle

    /// Creates a prompter; asking is allowed only when stdin is a terminal and `--no-input` was not given.
    public init(terminal: any Terminal, noInput: Bool, style: OutputStyle) {
        self.terminal = terminal
        self.canAsk = terminal.stdinIsTerminal && !noInput
        self.style = style
    }

    /// Creates the prompter of one run: on the context's terminal, honouring `--no-input`, coloured like stderr.
    init(invocation: Invocation, context: CommandContext, console: Console) {
        self.init(terminal: context.terminal, noInput: invocation.has("no-input"), style: console.errorStyle)
    }

    /// Asks for a value; an empty answer takes `defaultValue`. `validate` returns the accepted value or throws
    /// a `UserFacingError` whose message is shown before asking again. End of input stops with exit 64.
    public func ask<Value>(
        _ question: String, default defaultValue: String? = nil, hidden: Bool = false,
        validate: (String) throws -> Value
    ) throws -> Value {
        while true {
            let shownDefault = defaultValue.map { hidden ? " [keep current]" : " [\($0)]" } ?? ""
            terminal.writeError(style.bold("? ") + question + shownDefault + ": ")
            let line = hidden ? try terminal.readHiddenLine() : terminal.readLine()
            guard let line else {
                terminal.writeError("\n")
                throw CommandFailure(
                    .usage, "no answer to '\(question)' (end of input)",
                    hint: "answer the question, or pass the value as a flag")
            }
            let answer = line.trimmingCharacters(in: .whitespaces)
            let value = answer.isEmpty ? (defaultValue ?? "") : answer
            do {
                return try validate(value)
            } catch let error as any UserFacingError {
                terminal.writeError(
                    style.red("  ✗ ") + error.message + (error.hint.isEmpty ? "" : " (\(error.hint))") + "\n")
            }
        }
    }

    /// Asks a yes/no question; an empty answer takes `defaultAnswer`.
    public func confirm(_ question: String, default defaultAnswer: Bool) throws -> Bool {
        try ask(question + (defaultAnswer ? " (Y/n)" : " (y/N)"), default: nil) { answer throws(CommandFailure) in
            switch answer.lowercased() {
            case "": return defaultAnswer
            case "y", "yes": return true
            case "n", "no": return false
            default: throw CommandFailure(.usage, "please answer y or n")
            }
        }
    }
}
