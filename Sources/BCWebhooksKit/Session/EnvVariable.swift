/// The Front-Commerce variables the tool reads and writes (API.md).
public enum EnvVariable {
    /// Public URL of the app.
    public static let appURL = "FRONT_COMMERCE_URL"
    /// API path without `/v3/`.
    public static let endpoint = "FRONT_COMMERCE_BIG_COMMERCE_ENDPOINT"
    /// The store hash.
    public static let storeHash = "FRONT_COMMERCE_BIG_COMMERCE_STORE_HASH"
    /// The access token.
    public static let authToken = "FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN"
    /// The API account's client id.
    public static let clientID = "FRONT_COMMERCE_BIG_COMMERCE_CLIENT_ID"
    /// The API account's client secret.
    public static let clientSecret = "FRONT_COMMERCE_BIG_COMMERCE_CLIENT_SECRET"
    /// The shared webhook secret.
    public static let webhookSecret = "FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET"
}
