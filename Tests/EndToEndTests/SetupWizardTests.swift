import Foundation
import Testing

@testable import BCWebhooksKit

/// `bc-webhooks setup` driven in a real pseudo-terminal, answered as a person would answer it.
@Suite struct SetupWizardTests {
    private static let storePrompt = "credentials .txt file"
    private static let tokenPrompt = "Access token for store"
    private static let appURLPrompt = "Public URL of the app"
    private static let confirmPrompt = "Apply these 3 change(s)?"
    private static let environment = ["TERM": "xterm-256color"]

    @Test func wholeWizardAgainstASandboxServerHidesTheTokenAndCreatesTheHooks() async throws {
        let folder = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let appFolder = folder + "/app"
        try FileManager.default.createDirectory(atPath: appFolder, withIntermediateDirectories: true)
        let token = "tok-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")

        let (session, state) = try await PseudoTerminalSandboxServer.with(
            token: token, statePath: folder + "/state.json"
        ) { server in
            #expect(server.token == token)
            let session = try await PseudoTerminalDriver.runBinary(
                ["setup"], in: appFolder, environment: Self.environment,
                steps: [
                    .answer(Self.storePrompt, with: server.apiPath),
                    PseudoTerminalStep(expect: Self.tokenPrompt, send: server.token + "\n", waitEchoOff: true),
                    .answer(Self.appURLPrompt, with: "https://shop.example.com"),
                    .answer(Self.confirmPrompt, with: "y"),
                ])
            return (session, try SandboxStateFile(path: server.statePath).load())
        }

        #expect(session.failure == nil, "\(session.transcript)")
        #expect(session.exitCode == 0, "\(session.transcript)")
        #expect(session.echoOn(atStep: 1) == false, "hidden input turns ECHO off")
        #expect(session.echoOnAtEnd)
        #expect(!session.transcript.contains(token), "the token was echoed or printed")
        #expect(session.transcript.contains("Done."))

        let env = try #require(try EnvFile.load(path: appFolder + "/.env"))
        #expect(env.value(forKey: EnvVariable.authToken) == token)
        #expect(env.value(forKey: EnvVariable.appURL) == "https://shop.example.com")
        let secret = try #require(env.value(forKey: EnvVariable.webhookSecret))
        #expect(secret.range(of: "^[0-9a-f]{50}$", options: .regularExpression) != nil)
        let mode = try FileManager.default.attributesOfItem(atPath: appFolder + "/.env")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let hooks = try #require(state).hooks
        #expect(Set(hooks.map(\.scope)) == ["store/category/*", "store/product/*", "store/sku/*"])
        #expect(hooks.count == 3)
        for hook in hooks {
            #expect(hook.destination == "https://shop.example.com/bigcommerce/webhook")
            #expect(hook.headers?["x-bigcommerce-webhook-secret"] == secret)
            #expect(hook.isActive)
        }
    }

    @Test func invalidAnswersAreAskedAgainWithTheReason() async throws {
        let folder = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let session = try await PseudoTerminalDriver.runBinary(
            ["setup", "--sandbox"], in: folder, environment: Self.environment,
            steps: [
                .answer(Self.appURLPrompt, with: "http://shop.example.com"),
                .answer(Self.appURLPrompt, with: "https://shop.example.com:8443"),
                .answer(Self.appURLPrompt, with: "https://shop.example.com"),
                .answer(Self.confirmPrompt, with: "maybe"),
                .answer(Self.confirmPrompt, with: "y"),
            ])

        #expect(session.failure == nil, "\(session.transcript)")
        #expect(session.exitCode == 0, "\(session.transcript)")
        let afterHTTP = try #require(Self.text(in: session.transcript, after: "http://shop.example.com"))
        let httpReason = try #require(afterHTTP.components(separatedBy: Self.appURLPrompt).first)
        #expect(httpReason.contains("✗") && httpReason.contains("https"), "\(httpReason)")
        let afterPort = try #require(Self.text(in: session.transcript, after: "https://shop.example.com:8443"))
        let portReason = try #require(afterPort.components(separatedBy: Self.appURLPrompt).first)
        #expect(portReason.contains("✗") && portReason.contains("443"), "\(portReason)")
        let afterMaybe = try #require(Self.text(in: session.transcript, after: "maybe"))
        #expect(afterMaybe.components(separatedBy: Self.confirmPrompt).first?.contains("y or n") == true)

        let env = try #require(try EnvFile.load(path: folder + "/.env.sandbox"))
        #expect(env.value(forKey: EnvVariable.appURL) == "https://shop.example.com")
    }

    @Test func ctrlCAtTheTokenPromptRestoresTheTerminalAndLeavesNoHalfWrittenFile() async throws {
        let folder = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // Nothing listens on port 9: Ctrl-C comes before any request would be sent.
        let session = try await PseudoTerminalDriver.runBinary(
            ["setup"], in: folder, environment: Self.environment,
            steps: [
                .answer(Self.storePrompt, with: "http://127.0.0.1:9/stores/abc123/v3/"),
                PseudoTerminalStep(expect: Self.tokenPrompt, send: "half-typed\u{03}", waitEchoOff: true),
            ])

        #expect(session.failure == nil, "\(session.transcript)")
        #expect(session.exitCode == 130, "\(session.transcript)")
        #expect(session.echoOnAtStart)
        #expect(session.echoOn(atStep: 1) == false, "hidden input turns ECHO off")
        #expect(session.echoOnAtEnd, "ECHO was left off after Ctrl-C")
        #expect(!session.transcript.contains("half-typed"))

        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.filter { $0.contains(".tmp-") }.isEmpty, "\(names)")
        #expect(names == [".env"], "\(names)")
        let text = try String(contentsOfFile: folder + "/.env", encoding: .utf8)
        let env = DotEnvDocument(text: text)
        let secret = try #require(env.value(forKey: EnvVariable.webhookSecret))
        #expect(secret.range(of: "^[0-9a-f]{50}$", options: .regularExpression) != nil)
        #expect(text == "\(EnvVariable.webhookSecret)=\(secret)\n", "only the secret was written before Ctrl-C")
    }

    /// The ECHO check above can fail: a program that turns echo off and exits without restoring it is caught.
    @Test func theDriverSeesATerminalLeftWithoutEcho() async throws {
        let folder = try BinaryRunner.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let session = try await PseudoTerminalDriver.run(
            "/bin/sh", ["-c", "stty -echo; echo turned-off"], in: folder,
            steps: [PseudoTerminalStep(expect: "turned-off", send: "")])

        #expect(session.failure == nil)
        #expect(session.exitCode == 0)
        #expect(session.echoOnAtStart)
        #expect(!session.echoOnAtEnd)
    }

    /// The transcript after the first occurrence of `marker`, if it occurs.
    private static func text(in transcript: String, after marker: String) -> String? {
        transcript.range(of: marker).map { String(transcript[$0.upperBound...]) }
    }
}
