import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct SampleDeliveryTests {
    /// Runs a Python snippet and returns its stdout: an independent implementation to check ours against.
    func python(_ code: String, input: Data) async throws -> String {
        let output = try await Subprocess.run(["python3", "-c", code], stdin: input)
        try #require(output.status == 0, "python3 failed: \(output.stderr)")
        return String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func delivery(_ scope: String, clientSecret: String? = "client-sécret") -> SampleDelivery {
        SampleDelivery(
            scope: scope, storeHash: "abc123", secret: "right", clientSecret: clientSecret, manifest: .builtIn,
            now: 1_561_479_233, messageID: "msg_test")
    }

    @Test func signatureMatchesPythonsHMAC() async throws {
        let sample = delivery("store/product/*")
        let expected = try await python(
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
    func bodyHasBigCommercesShapeAndHash(_ scope: String) async throws {
        let sample = delivery(scope)
        let json = try #require(try JSONSerialization.jsonObject(with: sample.body) as? [String: Any])
        let noun = scope.split(separator: "/")[1]
        #expect(json["scope"] as? String == "store/\(noun)/updated")
        #expect(json["producer"] as? String == "stores/abc123")
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["type"] as? String == String(noun))
        let hashOfData = try await python(
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
