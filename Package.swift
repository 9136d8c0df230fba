// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bc-webhooks",
    products: [
        .executable(name: "bc-webhooks", targets: ["bc-webhooks"])
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        .target(
            name: "BCWebhooksKit",
            dependencies: ["COpenSSL"],
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(
            name: "bc-webhooks",
            dependencies: ["BCWebhooksKit"]
        ),
        .testTarget(
            name: "BCWebhooksKitTests",
            dependencies: ["BCWebhooksKit"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BCWebhooksKit", "bc-webhooks"],
            exclude: ["Support/pty_driver.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
