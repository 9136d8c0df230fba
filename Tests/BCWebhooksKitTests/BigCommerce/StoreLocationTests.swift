import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct StoreLocationTests {
    @Test(arguments: [
        ("https://api.bigcommerce.com/stores/abc123/v3/", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("https://api.bigcommerce.com/stores/abc123/v3", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("https://api.bigcommerce.com/stores/abc123/", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("https://api.bigcommerce.com/stores/abc123", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("  https://api.bigcommerce.com/stores/abc123/v3/\n", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("HTTPS://API.BigCommerce.com/stores/G5CD38/V3/", "https://api.bigcommerce.com/stores/g5cd38", "g5cd38"),
        ("https://api.bigcommerce.com:443/stores/abc123/v3/", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("api.bigcommerce.com/stores/abc123/v3/", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        (
            "https://store-abc123.mybigcommerce.com/manage/dashboard", "https://api.bigcommerce.com/stores/abc123",
            "abc123"
        ),
        ("https://store-abc123.mybigcommerce.com", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("store-abc123.mybigcommerce.com/manage?x=1#y", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("abc123", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("ABC123", "https://api.bigcommerce.com/stores/abc123", "abc123"),
        ("http://127.0.0.1:8080/stores/abc123/v3/", "http://127.0.0.1:8080/stores/abc123", "abc123"),
        ("https://127.1.2.3:9443/stores/abc123", "https://127.1.2.3:9443/stores/abc123", "abc123"),
        ("http://localhost:4567/stores/abc123/v3", "http://localhost:4567/stores/abc123", "abc123"),
        ("http://[::1]:4567/stores/abc123/v3/", "http://[::1]:4567/stores/abc123", "abc123"),
    ])
    func acceptsEveryForm(input: String, base: String, hash: String) throws {
        let location = try StoreLocation.parse(input)
        #expect(location.apiBase.absoluteString == base)
        #expect(location.storeHash == hash)
        #expect(location.endpointValue == base)
        #expect(!location.endpointValue.hasSuffix("/"))
    }

    @Test(arguments: [
        ("http://api.bigcommerce.com/stores/abc123/v3/", StoreLocation.ParseError.notHTTPS),
        ("https://api.bigcommerce.com:8443/stores/abc123/v3/", .port),
        ("https://evil.com/stores/abc123/v3/", .hostNotAllowed("evil.com")),
        ("https://api.bigcommerce.com.evil.com/stores/abc123/v3/", .hostNotAllowed("api.bigcommerce.com.evil.com")),
        ("https://api.bigcommerce.com@evil.com/stores/abc123/v3/", .userInfo),
        ("https://user:pass@api.bigcommerce.com/stores/abc123/v3/", .userInfo),
        ("https://evil.com#@api.bigcommerce.com/stores/abc123", .hostNotAllowed("evil.com")),
        ("https://128.0.0.1/stores/abc123/v3/", .hostNotAllowed("128.0.0.1")),
        ("http://127.0.0.1.evil.com/stores/abc123/v3/", .hostNotAllowed("127.0.0.1.evil.com")),
        ("http://0x7f.0.0.1/stores/abc123/v3/", .hostNotAllowed("0x7f.0.0.1")),
        ("http://[::2]:80/stores/abc123/v3/", .hostNotAllowed("[::2]")),
        ("ftp://api.bigcommerce.com/stores/abc123/v3/", .scheme("ftp")),
        ("", .empty),
        ("   ", .empty),
        ("abc_123", .badHash),
        ("abc-123", .badHash),
        ("abcdefghijabcdefghijabcdefghijabc", .badHash),
        ("https://api.bigcommerce.com/stores/ab%63/v3/", .badHash),
        ("https://api.bigcommerce.com/stores/abc123/v2/", .malformed("the path is not /stores/HASH/v3/")),
        ("https://api.bigcommerce.com/stores/abc123/v3/hooks", .malformed("the path is not /stores/HASH/v3/")),
        ("https://api.bigcommerce.com/v3/", .malformed("the path is not /stores/HASH/v3/")),
        ("https://api.bigcommerce.com/stores/abc123/v3/?x=1", .malformed("an API path has no query or fragment")),
    ])
    func refusesWithExit65AndAnExample(input: String, expected: StoreLocation.ParseError) {
        #expect(throws: expected) { try StoreLocation.parse(input) }
        #expect(expected.exitCode == .dataError)
        #expect(expected.hint.contains("https://api.bigcommerce.com/stores/abc123/v3/"))
    }

    @Test(arguments: [
        "https://api.bigcommerce.com\\@evil.com/stores/abc123/v3/",
        "https://api.bigcommerce.com/stores/abc 123/v3/",
        "https://api.bigcommerce.com/stores/abc123/v3/\u{0}",
        "https://api.bigcommerce.com/stores/ábc/v3/",
    ])
    func refusesBackslashesSpacesAndNonASCII(input: String) {
        #expect {
            try StoreLocation.parse(input)
        } throws: { error in
            guard let error = error as? StoreLocation.ParseError, case .malformed = error else { return false }
            return error.exitCode == .dataError
        }
    }

    @Test func errorsNeverEchoTheWholeInput() {
        let input = "https://user:s3cr3tpassword@evil.com/stores/abc123"
        #expect {
            try StoreLocation.parse(input)
        } throws: { error in
            guard let error = error as? StoreLocation.ParseError else { return false }
            return !error.renderedLine.contains("s3cr3tpassword")
        }
    }

    @Test func hashOfExactly32IsAccepted() throws {
        let hash = String(repeating: "a1", count: 16)
        #expect(try StoreLocation(storeHash: hash).storeHash == hash)
        #expect(try StoreLocation.parse(hash).apiPathValue == "https://api.bigcommerce.com/stores/\(hash)/v3/")
    }

    @Test func loopbackIsMarked() throws {
        #expect(try StoreLocation.parse("http://127.0.0.1:1/stores/a/v3").isLoopback)
        #expect(try !StoreLocation.parse("a").isLoopback)
    }
}
