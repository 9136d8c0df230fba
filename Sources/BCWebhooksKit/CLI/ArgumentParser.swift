/// Turns the command-line words into an `Invocation`: a pure function, table-tested.
public enum ArgumentParser {
    /// A command line that cannot be understood (exit 64).
    public struct UsageError: UserFacingError, Equatable {
        /// What is wrong.
        public let message: String
        /// Where to look.
        public let hint: String
        /// Always `usage`.
        public var exitCode: ExitCode { .usage }
    }

    /// Parses `arguments` (without the program name); `isTerminal` tells whether a person is at stdin,
    /// which decides what a bare `bc-webhooks` does.
    public static func parse(_ arguments: [String], isTerminal: Bool) throws(UsageError) -> Invocation {
        guard let commandIndex = commandIndex(in: arguments) else {
            return try parseWithoutCommand(arguments, isTerminal: isTerminal)
        }
        let name = arguments[commandIndex]
        guard let command = CommandTable.command(named: name) else {
            throw unknownCommand(name)
        }
        let words = Array(arguments[..<commandIndex]) + Array(arguments[(commandIndex + 1)...])
        var invocation = try parseOptions(words, for: command)
        if invocation.action == .version { return invocation }
        if invocation.has("help") {
            return Invocation(action: .help(command.name))
        }
        if command.name == "help" {
            return try helpInvocation(invocation.positionals)
        }
        invocation.action = .run(command.name)
        try checkPositionals(invocation.positionals, of: command)
        return invocation
    }

    /// The index of the command name: the first word that is neither an option nor the value of a
    /// global option given before the command (`bc-webhooks --env-file .env.staging check`).
    private static func commandIndex(in arguments: [String]) -> Int? {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return nil }
            if !word.hasPrefix("-") || word == "-" { return index }
            let name = String(word.dropFirst(2))
            if word.hasPrefix("--"), !name.contains("="),
                CommandTable.globalOptions.contains(where: { $0.name == name && $0.takesValue })
            {
                index += 1
            }
            index += 1
        }
        return nil
    }

    private static func parseWithoutCommand(_ arguments: [String], isTerminal: Bool) throws(UsageError) -> Invocation {
        let setup = CommandTable.command(named: "setup")
        guard let setup else { return Invocation(action: .helpForMissingCommand) }
        var invocation = try parseOptions(arguments, for: setup)
        if invocation.action == .version { return invocation }
        if invocation.has("help") { return Invocation(action: .help(nil)) }
        guard isTerminal else { return Invocation(action: .helpForMissingCommand) }
        invocation.action = .run(setup.name)
        return invocation
    }

    private static func helpInvocation(_ positionals: [String]) throws(UsageError) -> Invocation {
        guard let topic = positionals.first else { return Invocation(action: .help(nil)) }
        guard positionals.count == 1 else {
            throw UsageError(message: "help takes at most one command", hint: "run 'bc-webhooks help'")
        }
        guard CommandTable.command(named: topic) != nil else { throw unknownCommand(topic) }
        return Invocation(action: .help(topic))
    }

    private static func parseOptions(_ words: [String], for command: CommandSpec) throws(UsageError) -> Invocation {
        var invocation = Invocation(action: .run(command.name))
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                invocation.positionals.append(word)
            } else if word == "--" {
                optionsEnded = true
            } else if word == "--version" {
                return Invocation(action: .version)
            } else if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                guard let option = command.option(named: name) else { throw unknownOption(word, command) }
                if option.takesValue {
                    let value: String
                    if parts.count == 2 {
                        value = String(parts[1])
                    } else if index < words.count {
                        value = words[index]
                        index += 1
                    } else {
                        throw missingValue(option, command)
                    }
                    try check(value, for: option, command)
                    invocation.values[option.name] = value
                } else {
                    guard parts.count == 1 else {
                        throw UsageError(
                            message: "--\(name) takes no value", hint: "run 'bc-webhooks \(command.name) --help'")
                    }
                    invocation.flags.insert(option.name)
                }
            } else {
                for letter in word.dropFirst() {
                    guard let option = command.option(short: letter) else { throw unknownOption("-\(letter)", command) }
                    guard !option.takesValue else { throw missingValue(option, command) }
                    invocation.flags.insert(option.name)
                }
            }
        }
        return invocation
    }

    private static func check(_ value: String, for option: OptionSpec, _ command: CommandSpec) throws(UsageError) {
        guard let allowed = option.allowedValues, !allowed.contains(value) else { return }
        throw UsageError(
            message: "--\(option.name) does not accept '\(value)'",
            hint: "use one of: \(allowed.joined(separator: ", "))")
    }

    private static func checkPositionals(_ positionals: [String], of command: CommandSpec) throws(UsageError) {
        let required = command.positionals.filter(\.isRequired)
        if positionals.count < required.count {
            let missing = required[positionals.count]
            throw UsageError(
                message: "\(command.name) needs \(missing.name)",
                hint: "usage: \(HelpText.usageLine(for: command))")
        }
        if positionals.count > command.positionals.count {
            throw UsageError(
                message: "unexpected argument '\(positionals[command.positionals.count])'",
                hint: "usage: \(HelpText.usageLine(for: command))")
        }
        for (value, spec) in zip(positionals, command.positionals) {
            if let allowed = spec.allowedValues, !allowed.contains(value) {
                throw UsageError(
                    message: "\(command.name) does not know \(spec.name) '\(value)'",
                    hint: "use one of: \(allowed.joined(separator: ", "))")
            }
        }
    }

    private static func unknownCommand(_ name: String) -> UsageError {
        let names = CommandTable.commands.map(\.name)
        let suggestion = names.min { editDistance($0, name) < editDistance($1, name) }
        var hint = "run 'bc-webhooks help' to see the commands"
        if let suggestion, editDistance(suggestion, name) <= 2 { hint = "did you mean '\(suggestion)'? " + hint }
        return UsageError(message: "unknown command '\(name)'", hint: hint)
    }

    private static func unknownOption(_ word: String, _ command: CommandSpec) -> UsageError {
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        return UsageError(
            message: "unknown option '\(name)' for \(command.name)",
            hint: "run 'bc-webhooks \(command.name) --help' to see its options")
    }

    private static func missingValue(_ option: OptionSpec, _ command: CommandSpec) -> UsageError {
        UsageError(
            message: "--\(option.name) needs a value (\(option.valueName ?? "VALUE"))",
            hint: "for example: bc-webhooks \(command.name) --\(option.name) \(option.valueName ?? "VALUE")")
    }

    private static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        var previous = Array(0...b.count)
        for (i, letter) in a.enumerated() {
            var current = [i + 1]
            for (j, other) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (letter == other ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
