/// One token scope Front-Commerce needs, and the cheap read that proves it is granted.
public struct RequiredScope: Sendable, Equatable, Hashable {
    /// The name of the scope in the control panel's API account form, e.g. "Products".
    public let controlPanelName: String
    /// The OAuth name, e.g. `store_v2_products_read_only`.
    public let oauthName: String
    /// The probe's path below `/stores/{hash}`, e.g. `/v3/catalog/products?limit=1`.
    /// `{uuid}` stands for a made-up id the store cannot have.
    public let probePath: String
    /// Whether a 404 from the probe means granted (the probe reads a made-up id).
    public let notFoundMeansGranted: Bool
    /// Whether the probe is reported unreliable: a 403 is a warning, not a failure.
    public let isUnreliable: Bool
}

/// The scopes Front-Commerce wants read-only access to, in control-panel order (API.md).
public enum ScopeCatalog {
    /// Every required scope with its probe.
    public static let all: [RequiredScope] = [
        RequiredScope(
            controlPanelName: "Content", oauthName: "store_v2_content_read_only",
            probePath: "/v3/content/pages?limit=1", notFoundMeansGranted: false, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Products", oauthName: "store_v2_products_read_only",
            probePath: "/v3/catalog/products?limit=1", notFoundMeansGranted: false, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Customers", oauthName: "store_v2_customers_read_only",
            probePath: "/v3/customers?limit=1", notFoundMeansGranted: false, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Information & settings", oauthName: "store_v2_information_read_only",
            probePath: "/v2/store", notFoundMeansGranted: false, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Marketing", oauthName: "store_v2_marketing_read_only",
            probePath: "/v2/coupons?limit=1", notFoundMeansGranted: false, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Orders", oauthName: "store_v2_orders_read_only",
            probePath: "/v2/order_statuses", notFoundMeansGranted: false, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Get payment methods", oauthName: "store_payments_methods_read",
            probePath: "/v2/payments/methods", notFoundMeansGranted: false, isUnreliable: true),
        RequiredScope(
            controlPanelName: "Carts", oauthName: "store_cart_read_only",
            probePath: "/v3/carts/{uuid}", notFoundMeansGranted: true, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Checkouts", oauthName: "store_checkout_read_only",
            probePath: "/v3/checkouts/{uuid}", notFoundMeansGranted: true, isUnreliable: false),
        RequiredScope(
            controlPanelName: "Sites & routes", oauthName: "store_sites_read_only",
            probePath: "/v3/sites?limit=1", notFoundMeansGranted: false, isUnreliable: false),
    ]

    /// The scope with this OAuth name, if it is one of the required ones.
    public static func scope(oauthName: String) -> RequiredScope? {
        all.first { $0.oauthName == oauthName }
    }
}
