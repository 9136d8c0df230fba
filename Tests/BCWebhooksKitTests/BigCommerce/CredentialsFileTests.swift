import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct CredentialsFileTests {
    private static let expected = CredentialsFile(
        accessToken: "tok0123456789abcdefghijklmnopq", clientID: "cid0123456789", clientSecret: "sec0123456789",
        name: "Front-Commerce webhooks", apiPath: "https://api.bigcommerce.com/stores/abc123/v3/")

    @Test func multiLine() throws {
        let text = """
            ACCESS TOKEN: tok0123456789abcdefghijklmnopq
            CLIENT NAME: Front-Commerce webhooks
            API PATH: https://api.bigcommerce.com/stores/abc123/v3/
            CLIENT ID: cid0123456789
            CLIENT SECRET: sec0123456789
            NAME: Front-Commerce webhooks

            """
        #expect(try CredentialsFile.parse(text) == Self.expected)
    }

    @Test func oneLineWithExtraLabels() throws {
        let text =
            "ACCESS TOKEN: tok0123456789abcdefghijklmnopq CLIENT NAME: other CLIENT ID: cid0123456789 "
            + "CLIENT SECRET: sec0123456789 NAME: Front-Commerce webhooks API PATH: "
            + "https://api.bigcommerce.com/stores/abc123/v3/ STORE URL: https://example.com"
        #expect(try CredentialsFile.parse(text) == Self.expected)
    }

    @Test func crlfTabsAndNoSpaceAfterColon() throws {
        let text =
            "NAME:Front-Commerce webhooks\r\nCLIENT ID :cid0123456789\r\nCLIENT SECRET:\tsec0123456789\r\n"
            + "ACCESS TOKEN:tok0123456789abcdefghijklmnopq\r\nAPI PATH: https://api.bigcommerce.com/stores/abc123/v3/\r\n"
        #expect(try CredentialsFile.parse(text) == Self.expected)
    }

    @Test func clientNameIsNeverTakenForName() throws {
        let parsed = try CredentialsFile.parse("CLIENT NAME: shown\nACCESS TOKEN: t1")
        #expect(parsed.name == nil)
        #expect(parsed.accessToken == "t1")
    }

    @Test func emptyValueDoesNotBorrowTheNextLabel() throws {
        let parsed = try CredentialsFile.parse("CLIENT SECRET:\nACCESS TOKEN: t1\nCLIENT ID:")
        #expect(parsed.clientSecret == nil)
        #expect(parsed.clientID == nil)
        #expect(parsed.accessToken == "t1")
    }

    @Test func storeLocationComesFromAPIPath() throws {
        let parsed = try CredentialsFile.parse(
            "ACCESS TOKEN: t1 API PATH: https://api.bigcommerce.com/stores/xyz789/v3/")
        #expect(try parsed.storeLocation()?.storeHash == "xyz789")
        #expect(try CredentialsFile.parse("ACCESS TOKEN: t1").storeLocation() == nil)
    }

    @Test func missingTokenIs65AndShowsNoValue() {
        let text = "CLIENT ID: cid0123456789\nCLIENT SECRET: sec0123456789\nACCESS TOKEN:\n"
        #expect {
            try CredentialsFile.parse(text, source: "creds.txt")
        } throws: { error in
            guard let error = error as? CredentialsFile.ReadError else { return false }
            return error == .noToken(path: "creds.txt") && error.exitCode == .dataError
                && !error.renderedLine.contains("sec0123456789") && !error.renderedLine.contains("cid0123456789")
        }
    }

    @Test func readsAFileAndRefusesAMissingOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bcw-creds-\(UUID()).txt").path
        try Data("ACCESS TOKEN: t9\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CredentialsFile.read(path: path).accessToken == "t9")
        #expect(throws: CredentialsFile.ReadError.unreadable(path: path + ".nope")) {
            try CredentialsFile.read(path: path + ".nope")
        }
    }
}
