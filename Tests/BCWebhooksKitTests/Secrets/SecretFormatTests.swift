import Testing

@testable import BCWebhooksKit

@Suite struct SecretFormatTests {
    @Test func hexMatchesKnownBytes() {
        #expect(SecretFormat.hex.encode([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
    }

    @Test func base64AndBase64URLDifferOnlyInAlphabetAndPadding() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf, 0x01]
        #expect(SecretFormat.base64.encode(bytes) == "+/+/AQ==")
        #expect(SecretFormat.base64url.encode(bytes) == "-_-_AQ")
    }

    @Test func openSSLGivesDistinctBalancedSecrets() throws {
        let generator = SecretGenerator(random: OpenSSLRandom())
        var seen = Set<String>()
        var digitCounts = [Character: Int]()
        for _ in 0..<200 {
            let secret = try generator.make()
            #expect(secret.count == 50)
            seen.insert(secret)
            for digit in secret { digitCounts[digit, default: 0] += 1 }
        }
        #expect(seen.count == 200)
        // 10,000 hex digits: each of the 16 expects 625; a fair source stays far inside 450...800.
        #expect(digitCounts.count == 16)
        for (_, count) in digitCounts { #expect((450...800).contains(count)) }
    }
}
