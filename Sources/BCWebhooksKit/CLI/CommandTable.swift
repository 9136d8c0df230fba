/// Every command and option of the tool: the single table the parser, help and completions are built from.
public enum CommandTable {
    /// Options every command accepts (CLI.md "Global options").
    public static let globalOptions: [OptionSpec] = [
        OptionSpec("env-file", value: "PATH", help: "the env file to read and write (default .env)"),
        OptionSpec("no-input", help: "never prompt; a missing value is an error (exit 64)"),
        OptionSpec("yes", short: "y", help: "accept the plan without asking"),
        OptionSpec("dry-run", help: "show what would change; change nothing (no API writes, no file writes)"),
        OptionSpec("json", help: "machine-readable result on stdout, nothing else on stdout"),
        OptionSpec("no-color", help: "no colours (also NO_COLOR, TERM=dumb, or output not a terminal)"),
        OptionSpec("quiet", short: "q", help: "print only results and errors"),
        OptionSpec("verbose", short: "v", help: "log each HTTP request (method, path, status, time) on stderr"),
        OptionSpec("help", short: "h", help: "show help"),
    ]

    /// Options naming the store and the credentials, shared by the commands that call BigCommerce.
    static let storeOptions: [OptionSpec] = [
        OptionSpec("api-path", value: "URL", help: "API PATH, control-panel URL or store hash"),
        OptionSpec("store-hash", value: "HASH", help: "the store hash (instead of --api-path)"),
        OptionSpec("credentials-file", value: "PATH", help: "BigCommerce's downloaded API credentials .txt"),
        OptionSpec("token-stdin", help: "read the access token from one line of stdin"),
        OptionSpec("client-id", value: "ID", help: "the API account's client id"),
        OptionSpec("sandbox", help: "use the built-in simulated store instead of BigCommerce"),
    ]

    /// The app URL option.
    static let appURLOption = OptionSpec("app-url", value: "URL", help: "public URL of the app (FRONT_COMMERCE_URL)")

    /// Every command, in the order help lists them.
    public static let commands: [CommandSpec] = [
        CommandSpec(
            name: "setup",
            summary: "step-by-step wizard: secret, .env, store, token scopes, webhooks",
            details: """
                Walks through the whole job: generates the webhook secret (OpenSSL), writes the env file, \
                finds the store, checks the token's scopes, and creates the three webhooks Front-Commerce needs. \
                Every question has a flag or variable twin, so it also runs unattended with --no-input --yes.
                """,
            positionals: [],
            options: storeOptions + [
                appURLOption,
                OptionSpec("skip-scope-check", help: "go on even when required token scopes are missing"),
            ],
            examples: [
                "bc-webhooks setup --sandbox",
                "bc-webhooks setup",
                "bc-webhooks setup --credentials-file ~/Downloads/BigCommerceAPI-credentials.txt --app-url https://shop.example.com --no-input --yes",
            ]
        ),
        CommandSpec(
            name: "secret",
            summary: "print a new random secret (OpenSSL CSPRNG), like openssl rand -hex 25",
            details: """
                Prints a new secret made of random bytes from OpenSSL's RAND_bytes, and a newline. \
                With --write, stores it in the env file as FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET instead \
                of printing it; run `bc-webhooks sync` afterwards to push it to the webhooks.
                """,
            positionals: [],
            options: [
                OptionSpec("bytes", value: "N", help: "number of random bytes, 16 to 1024 (default 25)"),
                OptionSpec(
                    "format", value: "FORMAT", allowed: SecretFormat.allCases.map(\.rawValue),
                    help: "hex (default), base64 or base64url"),
                OptionSpec("write", help: "store it in the env file instead of printing it"),
            ],
            examples: [
                "bc-webhooks secret", "bc-webhooks secret --bytes 32 --format base64url", "bc-webhooks secret --write",
            ]
        ),
        CommandSpec(
            name: "env",
            summary: "create .env.NAME for a new environment, with fresh secrets",
            details: """
                Writes .env.NAME (or --env-file) from the built-in template (or --template), generating every \
                secret the template marks as generated and asking for the values it marks as required. \
                Refuses to overwrite an existing file without --force.
                """,
            positionals: [CommandSpec.Positional(name: "NAME", isRequired: true, allowedValues: nil)],
            options: [
                OptionSpec("template", value: "PATH", help: "the template to start from (default: built in)"),
                OptionSpec("force", help: "overwrite an existing file"),
                appURLOption,
            ] + storeOptions,
            examples: ["bc-webhooks env staging", "bc-webhooks env production --force"]
        ),
        CommandSpec(
            name: "check",
            summary: "read-only health check: credentials, scopes, webhooks, .env",
            details: """
                Checks that the token is accepted, that it has every scope Front-Commerce needs, that the three \
                webhooks exist, are active and carry the env file's secret, and that the env file is consistent. \
                Exit 0 when healthy, 2 when a problem is found, 77 when the token is rejected, 69 when \
                BigCommerce cannot be reached.
                """,
            positionals: [],
            options: storeOptions + [appURLOption],
            examples: ["bc-webhooks check", "bc-webhooks check --json", "bc-webhooks check --sandbox"]
        ),
        CommandSpec(
            name: "sync",
            summary: "make the store's webhooks match what is needed",
            details: """
                Compares the webhooks this API account sees with the three Front-Commerce needs, shows the plan \
                (create / update / reactivate / unchanged / extra), asks to confirm, applies it and verifies. \
                Webhooks on other scopes or destinations are reported, never deleted, unless --prune.
                """,
            positionals: [],
            options: storeOptions + [appURLOption, OptionSpec("prune", help: "also delete the extra webhooks")],
            examples: ["bc-webhooks sync", "bc-webhooks sync --dry-run", "bc-webhooks sync --yes --json"]
        ),
        CommandSpec(
            name: "list",
            summary: "list the webhooks this API account sees",
            details:
                "Lists the webhooks as a table, or as JSON with --json. Header values are redacted unless --show-secrets.",
            positionals: [],
            options: storeOptions + [OptionSpec("show-secrets", help: "show header values in full")],
            examples: ["bc-webhooks list", "bc-webhooks list --json"]
        ),
        CommandSpec(
            name: "rotate",
            summary: "replace the webhook secret: env file first, then every webhook, then verify",
            details: """
                Generates a new webhook secret, saves it to the env file before any API write, updates every \
                required webhook's header, then re-reads and verifies. If interrupted, running rotate or sync \
                again finishes the job. Deploy the new env file to the app afterwards.
                """,
            positionals: [],
            options: storeOptions + [appURLOption],
            examples: ["bc-webhooks rotate", "bc-webhooks rotate --dry-run"]
        ),
        CommandSpec(
            name: "ping",
            summary: "prove the app accepts deliveries with the right secret and refuses a wrong one",
            details: """
                POSTs a realistic sample delivery to <app>/bigcommerce/webhook twice: with the env file's secret \
                and with a wrong one. Exit 0 when the app accepts the first and refuses the second, 2 when it \
                does not, 69 when it cannot be reached. Plain http:// and any port are allowed here.
                """,
            positionals: [],
            options: [
                appURLOption,
                OptionSpec(
                    "scope", value: "SCOPE", help: "the webhook scope of the sample delivery (default store/product/*)"),
            ],
            examples: ["bc-webhooks ping", "bc-webhooks ping --app-url http://localhost:4000"]
        ),
        CommandSpec(
            name: "sandbox",
            summary: "run a simulated BigCommerce store API on loopback",
            details: """
                Serves a simulated store API on 127.0.0.1 until interrupted, and prints the API path and token \
                to use with the other commands. --port 0 picks a free port.
                """,
            positionals: [],
            options: [
                OptionSpec("port", value: "N", help: "port to listen on (default 8787; 0 picks a free one)"),
                OptionSpec("store-hash", value: "HASH", help: "the simulated store's hash"),
                OptionSpec("token", value: "TOKEN", help: "the token the sandbox accepts (default: random)"),
                OptionSpec("scopes", value: "SCOPES", help: "granted scopes: all, none, or a comma list"),
                OptionSpec("latency-ms", value: "N", help: "delay added to every response"),
                OptionSpec("fail-rate", value: "R", help: "share of requests answered with a 5xx, 0 to 1"),
                OptionSpec("state", value: "FILE", help: "keep the store's webhooks in this JSON file"),
            ],
            examples: ["bc-webhooks sandbox", "bc-webhooks sandbox --port 0 --latency-ms 100"]
        ),
        CommandSpec(
            name: "completions",
            summary: "print a completion script for bash, zsh or fish",
            details: """
                Prints a shell completion script. Load it with, e.g., \
                `source <(bc-webhooks completions bash)`.
                """,
            positionals: [
                CommandSpec.Positional(name: "SHELL", isRequired: true, allowedValues: ["bash", "zsh", "fish"])
            ],
            options: [],
            examples: [
                "source <(bc-webhooks completions bash)",
                "bc-webhooks completions fish > ~/.config/fish/completions/bc-webhooks.fish",
            ]
        ),
        CommandSpec(
            name: "help",
            summary: "show help for the tool or a command",
            details: "Shows help for the tool, or for COMMAND.",
            positionals: [CommandSpec.Positional(name: "COMMAND", isRequired: false, allowedValues: nil)],
            options: [],
            examples: ["bc-webhooks help setup"]
        ),
    ]

    /// The command with this name, if there is one.
    public static func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }
}
