extension CredentialsFile {
    /// Why a credentials file could not be used (exit 65); never shows any of its values.
    public enum ReadError: UserFacingError, Equatable {
        /// The file does not exist or cannot be read.
        case unreadable(path: String)
        /// No `ACCESS TOKEN:` label with a value was found.
        case noToken(path: String)

        /// What happened.
        public var message: String {
            switch self {
            case .unreadable(let path): "cannot read the credentials file \(path)"
            case .noToken(let path): "no ACCESS TOKEN found in \(path)"
            }
        }

        /// What to do, with the expected shape.
        public var hint: String {
            "give the .txt BigCommerce downloaded when the API account was saved; it holds lines like "
                + "\"ACCESS TOKEN: …\", \"CLIENT ID: …\", \"CLIENT SECRET: …\", "
                + "\"API PATH: https://api.bigcommerce.com/stores/abc123/v3/\""
        }

        /// Always bad input data (65).
        public var exitCode: ExitCode { .dataError }
    }
}
