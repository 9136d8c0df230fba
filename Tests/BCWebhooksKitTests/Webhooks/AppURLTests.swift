import Testing

@testable import BCWebhooksKit

@Suite struct AppURLTests {
    @Test(arguments: [
        ("https://shop.example.com", "https://shop.example.com/bigcommerce/webhook"),
        ("https://shop.example.com/", "https://shop.example.com/bigcommerce/webhook"),
        ("https://Shop.Example.com:443/fr/", "https://shop.example.com/fr/bigcommerce/webhook"),
        ("  https://shop.example.com/store ", "https://shop.example.com/store/bigcommerce/webhook"),
    ])
    func acceptsHTTPSOn443(_ input: String, _ destination: String) throws {
        #expect(try AppURL(destinationBase: input).destination() == destination)
    }

    @Test(arguments: [
        ("http://shop.example.com", "https"),
        ("https://shop.example.com:8443", "port 443"),
        ("https://user:pw@shop.example.com", "user name"),
        ("https://shop.example.com/?a=1", "query"),
        ("https://shop.example.com/#x", "fragment"),
        ("shop.example.com", "host"),
        ("", "host"),
    ])
    func refusesWhatBigCommerceWouldRefuse(_ input: String, _ reason: String) {
        #expect {
            try AppURL(destinationBase: input)
        } throws: { error in
            guard let error = error as? AppURL.Invalid else { return false }
            return error.exitCode == .dataError && error.message.contains(reason)
        }
    }

    @Test func pingAllowsLocalHTTPAndPorts() throws {
        #expect(
            try AppURL(pingTarget: "http://localhost:4000").destination() == "http://localhost:4000/bigcommerce/webhook"
        )
        #expect(try AppURL(pingTarget: "http://127.0.0.1:80/").base == "http://127.0.0.1")
    }
}
