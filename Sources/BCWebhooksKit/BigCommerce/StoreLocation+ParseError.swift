extension StoreLocation {
    /// Why an `--api-path`, endpoint or store hash was refused (exit 65); never echoes the whole input.
    public enum ParseError: UserFacingError, Equatable {
        /// Nothing was given.
        case empty
        /// The input is not a URL or path of an accepted shape; the reason says what is wrong.
        case malformed(String)
        /// The URL carries user info (`user@host`), a classic way to hide the real host.
        case userInfo
        /// The scheme is neither `https` nor `http`.
        case scheme(String)
        /// `api.bigcommerce.com` over plain HTTP.
        case notHTTPS
        /// `api.bigcommerce.com` on a port other than 443.
        case port
        /// The host is neither `api.bigcommerce.com` nor a loopback address.
        case hostNotAllowed(String)
        /// The store hash is not `[a-z0-9]{1,32}`.
        case badHash

        /// What happened.
        public var message: String {
            switch self {
            case .empty: "no store API path or hash was given"
            case .malformed(let reason): "the API path is malformed: \(reason)"
            case .userInfo: "the API path contains user info (user@host), which is refused"
            case .scheme(let scheme): "the API path uses \(scheme)://, only https:// is allowed"
            case .notHTTPS: "api.bigcommerce.com must be reached over https://, not http://"
            case .port: "api.bigcommerce.com must be reached on the standard HTTPS port"
            case .hostNotAllowed(let host):
                "host not allowed: \(host) (only api.bigcommerce.com or a loopback address may receive the token)"
            case .badHash: "the store hash must be 1 to 32 letters a-z and digits"
            }
        }

        /// What to do, with an example of the right form.
        public var hint: String { StoreLocation.formsHint }

        /// Always bad input data (65).
        public var exitCode: ExitCode { .dataError }
    }
}
