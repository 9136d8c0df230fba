/// The help pages, built from `CommandTable` so they cannot drift from the parser.
public enum HelpText {
    /// The one-line usage of a command, e.g. `bc-webhooks env NAME [options]`.
    public static func usageLine(for command: CommandSpec) -> String {
        let positionals = command.positionals.map { $0.isRequired ? $0.name : "[\($0.name)]" }
        return (["bc-webhooks", command.name] + positionals + ["[options]"]).joined(separator: " ")
    }

    /// The tool's overview: what it is for, the commands and the global options.
    public static func overview(style: OutputStyle) -> String {
        var lines = [
            "bc-webhooks \(ToolVersion.current) — BigCommerce cache-invalidation webhooks for Front-Commerce",
            "",
            style.bold("USAGE"),
            "  bc-webhooks <command> [options]",
            "  bc-webhooks            (on a terminal: starts the setup wizard)",
            "",
            style.bold("COMMANDS"),
        ]
        let width = CommandTable.commands.map(\.name.count).max() ?? 0
        for command in CommandTable.commands {
            lines.append("  " + pad(command.name, width) + "  " + command.summary)
        }
        lines += ["", style.bold("GLOBAL OPTIONS")] + optionLines(CommandTable.globalOptions + [versionOption])
        lines += [
            "",
            style.bold("GET STARTED"),
            "  bc-webhooks setup --sandbox      try the whole job against a simulated store",
            "  bc-webhooks setup                do it for real",
            "",
            "Run 'bc-webhooks help <command>' for a command's options and examples.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The help page of one command.
    public static func page(for command: CommandSpec, style: OutputStyle) -> String {
        var lines = [
            "bc-webhooks \(command.name) — \(command.summary)",
            "",
            style.bold("USAGE"),
            "  " + usageLine(for: command),
            "",
            wrap(command.details, indent: "  "),
        ]
        if !command.options.isEmpty {
            lines += ["", style.bold("OPTIONS")] + optionLines(command.options)
        }
        lines += ["", style.bold("GLOBAL OPTIONS")] + optionLines(CommandTable.globalOptions)
        if !command.examples.isEmpty {
            lines += ["", style.bold("EXAMPLES")] + command.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let versionOption = OptionSpec("version", help: "print the version")

    private static func optionLines(_ options: [OptionSpec]) -> [String] {
        let width = options.map(\.displayName.count).max() ?? 0
        return options.map { "  " + pad($0.displayName, width) + "  " + $0.help }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func wrap(_ text: String, indent: String, width: Int = 78) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width, current != indent {
                lines.append(current)
                current = indent
            }
            current += (current == indent ? "" : " ") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
