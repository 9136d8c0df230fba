import Foundation
import Testing

@Suite struct SecretCommandTests {
    @Test func printsExactlyOneHexSecretLikeOpenSSL() async throws {
        let result = try await BinaryRunner.run(["secret"])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.range(of: "^[0-9a-f]{50}\n$", options: .regularExpression) != nil)
    }

    @Test func twoHundredRunsGiveDistinctBalancedSecrets() async throws {
        var secrets = Set<String>()
        var counts = [Character: Int]()
        for _ in 0..<200 {
            let output = try await BinaryRunner.run(["secret"]).stdout.trimmingCharacters(in: .newlines)
            secrets.insert(output)
            for digit in output { counts[digit, default: 0] += 1 }
        }
        #expect(secrets.count == 200)
        #expect(counts.count == 16)
        // 10,000 digits, 625 expected per digit: a fair source stays far inside these bounds.
        for (_, count) in counts { #expect((450...800).contains(count)) }
    }

    @Test(arguments: [("base64", "^[A-Za-z0-9+/]{43}=\n$"), ("base64url", "^[A-Za-z0-9_-]{43}\n$")])
    func thirtyTwoBytesInOtherFormats(_ format: String, _ pattern: String) async throws {
        let result = try await BinaryRunner.run(["secret", "--format", format, "--bytes", "32"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.range(of: pattern, options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test(arguments: [
        ["--bytes", "15"], ["--bytes", "1025"], ["--bytes", "ten"], ["--format", "hex2"], ["--bytes"],
    ])
    func badValuesExit64AndPrintNoSecret(_ extra: [String]) async throws {
        let result = try await BinaryRunner.run(["secret"] + extra)
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(" — "))
    }
}
