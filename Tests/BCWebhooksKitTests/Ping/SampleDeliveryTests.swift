import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct SampleDeliveryTests {
    /// Runs a Python snippet and returns its stdout: an independent implementation to check ours against.
    func python(_ code: String, input: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func delivery(_ scope: String, clientSecret: String? = "client-sécret") -> SampleDelivery {
        SampleDelivery(
            scope: scope, storeHash: "abc123", secret: "right", clientSecret: clientSecret, manifest: .builtIn,
            now: 1_561_479_233, messageID: "msg_test")
    }

    @Test func signatureMatchesPythonsHMAC() throws {
        let sample = delivery("store/product/*")
        let expected = try python(
            """
            import sys, hmac, hashlib, base64
            body = sys.stdin.buffer.read()
            mac = hmac.new("client-sécret".encode(), b"msg_test.1561479233." + body, hashlib.sha256).digest()
            print("v1," + base64.b64encode(mac).decode())
            """, input: sample.body)
        #expect(sample.headers["webhook-signature"] == expected)
        #expect(sample.headers["webhook-id"] == "msg_test")
        #expect(sample.headers["webhook-timestamp"] == "1561479233")
    }

    @Test(arguments: ["store/product/*", "store/sku/*", "store/category/*"])
    func bodyHasBigCommercesShapeAndHash(_ scope: String) throws {
        let sample = delivery(scope)
        let json = try #require(try JSONSerialization.jsonObject(with: sample.body) as? [String: Any])
        let noun = scope.split(separator: "/")[1]
        #expect(json["scope"] as? String == "store/\(noun)/updated")
        #expect(json["producer"] as? String == "stores/abc123")
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["type"] as? String == String(noun))
        let hashOfData = try python(
            """
            import sys, json, hashlib
            body = sys.stdin.buffer.read().decode()
            start = body.index('"data":') + len('"data":')
            end = body.index(',"hash"')
            print(hashlib.sha1(body[start:end].encode()).hexdigest())
            """, input: sample.body)
        #expect(json["hash"] as? String == hashOfData)
        #expect(sample.headers["x-bigcommerce-webhook-secret"] == "right")
    }

    @Test func unsignedWithoutClientSecret() {
        let sample = delivery("store/product/*", clientSecret: nil)
        #expect(sample.headers["webhook-signature"] == nil)
        #expect(sample.headers["x-bigcommerce-webhook-secret"] == "right")
    }
}
