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

@Suite struct SecretWriteTests {
    @Test func writeStoresTheSecretInTheEnvFileLosslesslyAndPrintsItNowhere() async throws {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = "# app settings\r\nexport FRONT_COMMERCE_URL='https://shop.example.com'\r\nOTHER=1"
        try original.write(toFile: directory + "/.env.local", atomically: true, encoding: .utf8)
        let result = try await BinaryRunner.run(["secret", "--write", "--env-file", ".env.local"], in: directory)
        #expect(result.exitCode == 0, "\(result.allOutput)")
        #expect(result.stdout.contains("bc-webhooks sync"))
        let text = try String(contentsOfFile: directory + "/.env.local", encoding: .utf8)
        #expect(text.hasPrefix(original + "\r\n"))
        let line = try #require(text.split(separator: "\r\n").last)
        let secret = String(line.dropFirst("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET=".count))
        #expect(line.hasPrefix("FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET="))
        #expect(secret.range(of: "^[0-9a-f]{50}$", options: .regularExpression) != nil)
        #expect(!result.allOutput.contains(secret))
        let python = try await BinaryRunner.runProgram(
            "/usr/bin/env",
            [
                "python3", "-c",
                "from dotenv import dotenv_values; print(dotenv_values('.env.local')['FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET'])",
            ], in: directory)
        #expect(python.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == secret)
    }

    @Test func dryRunWritesNothing() async throws {
        let directory = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await BinaryRunner.run(["secret", "--write", "--dry-run"], in: directory)
        #expect(result.exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: directory + "/.env"))
    }
}
