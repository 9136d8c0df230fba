/// Shell completion scripts generated from `CommandTable`, so they cannot drift from the parser.
public enum CompletionScript {
    /// The shells a script can be printed for.
    public static let shells = ["bash", "zsh", "fish"]

    /// Options whose value is a file path, completed with file names.
    static let pathValuedOptions: Set<String> = ["env-file", "credentials-file", "template", "state"]

    /// The completion script for `shell` (one of `shells`), or `nil` for another shell.
    public static func script(for shell: String) -> String? {
        switch shell {
        case "bash": bash()
        case "zsh": zsh()
        case "fish": fish()
        default: nil
        }
    }

    private static var commandNames: [String] { CommandTable.commands.map(\.name) }

    private static func words(_ options: [OptionSpec]) -> String {
        options.flatMap { option in ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? []) }
            .joined(separator: " ")
    }

    /// Words a positional argument completes to.
    private static func positionalWords(_ command: CommandSpec) -> [String]? {
        if command.name == "help" { return commandNames }
        return command.positionals.first?.allowedValues
    }

    private static func bash() -> String {
        let allOptions = CommandTable.commands.flatMap(\.allOptions)
        let closed = Dictionary(
            allOptions.compactMap { option in option.allowedValues.map { ("--\(option.name)", $0) } },
            uniquingKeysWith: { first, _ in first })
        let valued = Set(allOptions.filter(\.takesValue).map { "--\($0.name)" })
        var lines = [
            "# bash completion for bc-webhooks; load with: source <(bc-webhooks completions bash)",
            "_bc_webhooks() {",
            "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" i",
            "    for ((i = 1; i < COMP_CWORD; i++)); do",
            "        case \"${COMP_WORDS[i]}\" in",
            "            \(valued.sorted().joined(separator: "|"))) ((i++)) ;;",
            "            -*) ;;",
            "            *) cmd=\"${COMP_WORDS[i]}\"; break ;;",
            "        esac",
            "    done",
            "    case \"$prev\" in",
        ]
        for (name, values) in closed.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "        \(name)) COMPREPLY=($(compgen -W \"\(values.joined(separator: " "))\" -- \"$cur\")); return ;;"
            )
        }
        let paths = pathValuedOptions.sorted().map { "--\($0)" }.joined(separator: "|")
        lines.append("        \(paths)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;")
        let others = valued.subtracting(closed.keys).subtracting(pathValuedOptions.map { "--\($0)" })
        lines.append("        \(others.sorted().joined(separator: "|"))) return ;;")
        lines += [
            "    esac",
            "    local opts words=\"\"",
            "    case \"$cmd\" in",
            "        \"\") opts=\"\(words(CommandTable.globalOptions)) --version\"; words=\"\(commandNames.joined(separator: " "))\" ;;",
        ]
        for command in CommandTable.commands {
            let positional = positionalWords(command).map { " words=\"\($0.joined(separator: " "))\";" } ?? ""
            lines.append("        \(command.name)) opts=\"\(words(command.allOptions))\";\(positional) ;;")
        }
        lines += [
            "    esac",
            "    if [[ \"$cur\" == -* ]]; then",
            "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))",
            "    else",
            "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))",
            "    fi",
            "}",
            "complete -F _bc_webhooks bc-webhooks",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func zsh() -> String {
        var lines = [
            "#compdef bc-webhooks",
            "# zsh completion for bc-webhooks; load with: source <(bc-webhooks completions zsh)",
            "_bc_webhooks() {",
            "    local -a commands",
            "    commands=(",
        ]
        for command in CommandTable.commands {
            lines.append("        \(singleQuoted("\(command.name):\(command.summary)"))")
        }
        lines += [
            "    )",
            "    local cmd=${words[(r)(\(commandNames.joined(separator: "|")))]}",
            "    if [[ -z $cmd || $words[CURRENT] == $cmd ]]; then",
            "        _arguments -s \(CommandTable.globalOptions.map(zshSpec).joined(separator: " ")) '--version[print the version]' '1:command:->command'",
            "        [[ $state == command ]] && _describe 'command' commands",
            "        return",
            "    fi",
            "    case $cmd in",
        ]
        for command in CommandTable.commands {
            var specs = command.allOptions.map(zshSpec)
            if let values = positionalWords(command) {
                specs.append(
                    singleQuoted("*:\(command.positionals.first?.name ?? "ARG"):(\(values.joined(separator: " ")))"))
            }
            lines.append("        \(command.name)) _arguments -s \(specs.joined(separator: " ")) ;;")
        }
        lines += [
            "    esac",
            "}",
            "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then",
            "    _bc_webhooks \"$@\"",
            "else",
            "    compdef _bc_webhooks bc-webhooks",
            "fi",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func zshSpec(_ option: OptionSpec) -> String {
        let help = option.help
            .replacingOccurrences(of: "[", with: "(")
            .replacingOccurrences(of: "]", with: ")")
            .replacingOccurrences(of: ":", with: " ")
        var value = ""
        if let name = option.valueName {
            let action =
                option.allowedValues.map { "(\($0.joined(separator: " ")))" }
                ?? (pathValuedOptions.contains(option.name) ? "_files" : " ")
            value = ":\(name):\(action)"
        }
        let long = "--\(option.name)" + (option.takesValue ? "=" : "")
        guard let short = option.short else { return singleQuoted("\(long)[\(help)]\(value)") }
        return singleQuoted("(-\(short) --\(option.name))") + "{-\(short),\(long)}" + singleQuoted("[\(help)]\(value)")
    }

    private static func fish() -> String {
        var lines = [
            "# fish completion for bc-webhooks; save as ~/.config/fish/completions/bc-webhooks.fish",
            "complete -c bc-webhooks -f",
            "complete -c bc-webhooks -n __fish_use_subcommand -l version -d 'print the version'",
        ]
        for command in CommandTable.commands {
            lines.append(
                "complete -c bc-webhooks -n __fish_use_subcommand -a \(command.name) -d \(singleQuoted(command.summary))"
            )
        }
        lines += CommandTable.globalOptions.map { fishLine($0, condition: nil) }
        for command in CommandTable.commands {
            let condition = "__fish_seen_subcommand_from \(command.name)"
            lines += command.options.map { fishLine($0, condition: condition) }
            if let values = positionalWords(command) {
                lines.append(
                    "complete -c bc-webhooks -n \(singleQuoted(condition)) -a \(singleQuoted(values.joined(separator: " ")))"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func fishLine(_ option: OptionSpec, condition: String?) -> String {
        var parts = ["complete -c bc-webhooks"]
        if let condition { parts.append("-n \(singleQuoted(condition))") }
        parts.append("-l \(option.name)")
        if let short = option.short { parts.append("-s \(short)") }
        if option.takesValue {
            parts.append("-r")
            if pathValuedOptions.contains(option.name) { parts.append("-F") }
            if let values = option.allowedValues { parts.append("-a \(singleQuoted(values.joined(separator: " ")))") }
        }
        parts.append("-d \(singleQuoted(option.help))")
        return parts.joined(separator: " ")
    }

    private static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
