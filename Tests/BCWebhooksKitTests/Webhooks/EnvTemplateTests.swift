import Testing

@testable import BCWebhooksKit

@Suite struct EnvTemplateTests {
    @Test func builtInTemplateMarksTheGeneratedAndRequiredKeys() throws {
        let template = try EnvTemplate.builtIn
        let markers = Dictionary(uniqueKeysWithValues: template.markers.map { ($0.key, $0.marker) })
        #expect(markers["FRONT_COMMERCE_BIG_COMMERCE_WEBHOOK_SECRET"] == .generated(format: .hex, bytes: 25))
        #expect(markers["FRONT_COMMERCE_COOKIE_PASS"] == .generated(format: .hex, bytes: 32))
        #expect(markers["FRONT_COMMERCE_CACHE_API_TOKEN"] == .generated(format: .hex, bytes: 24))
        #expect(markers["FRONT_COMMERCE_URL"] == .required(flag: "app-url"))
        #expect(markers["FRONT_COMMERCE_BIG_COMMERCE_AUTH_TOKEN"] == .required(flag: "token-stdin"))
        #expect(markers["FRONT_COMMERCE_BIG_COMMERCE_CLIENT_ID"] == nil)
    }

    @Test func markerAppliesToTheNextAssignmentEvenWithExport() throws {
        let template = try EnvTemplate.parse("# @generated base64url 16\n# a comment\nexport TOKEN=\nOTHER=1\n")
        #expect(template.markers.map(\.key) == ["TOKEN"])
    }

    @Test(arguments: ["# @generated hex\nA=", "# @generated hex 8\nA=", "# @required app-url\nA=", "# @frobnicate\nA="])
    func malformedMarkersAreRefusedWithExit65(_ text: String) {
        #expect {
            try EnvTemplate.parse(text)
        } throws: { error in
            (error as? EnvTemplate.Invalid)?.exitCode == .dataError
        }
    }
}
