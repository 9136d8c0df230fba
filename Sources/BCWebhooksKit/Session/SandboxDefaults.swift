/// Defaults that make `--sandbox` runs need no typing.
enum SandboxDefaults {
    /// The app URL used with `--sandbox` when none is given: a placeholder the simulated store accepts.
    static let appURL = "https://shop.example.com"
}
