import Foundation
import Testing

@testable import BCWebhooksKit

@Suite struct DotEnvCorpusTests {
    @Test(arguments: DotEnvCorpus.cases)
    func untouchedFileRendersByteForByte(_ corpusCase: DotEnvCorpus.Case) {
        let document = DotEnvDocument(text: corpusCase.original)
        #expect(Array(document.render().utf8) == Array(corpusCase.original.utf8))
    }

    @Test(arguments: DotEnvCorpus.cases)
    func settingOneKeyChangesOnlyItsLine(_ corpusCase: DotEnvCorpus.Case) throws {
        var document = DotEnvDocument(text: corpusCase.original)
        let warnings = try document.set(corpusCase.value, forKey: corpusCase.key)
        #expect(Array(document.render().utf8) == Array(corpusCase.expected.utf8))
        #expect(document.value(forKey: corpusCase.key) == corpusCase.value)
        if corpusCase.duplicateLines.isEmpty {
            #expect(warnings.isEmpty)
        } else {
            let expected = DotEnvWarning.duplicateKey(
                key: corpusCase.key, lines: corpusCase.duplicateLines,
                updatedLine: corpusCase.duplicateLines.last ?? 0)
            #expect(warnings == [expected])
        }
    }

    @Test(arguments: DotEnvCorpus.cases)
    func everyKeyReadsAsPythonDotenvReadsIt(_ corpusCase: DotEnvCorpus.Case) async throws {
        try #require(await DotEnvTestSupport.pythonDotenvAvailable, "python3 with python-dotenv is needed")
        let folder = try DotEnvTestSupport.makeTemporaryFolder()
        defer { DotEnvTestSupport.remove(folder) }
        let path = folder + "/.env"
        for text in [corpusCase.original, corpusCase.expected] {
            try DotEnvTestSupport.writeBytes(Array(text.utf8), to: path)
            let python = try await DotEnvTestSupport.pythonDotenvValues(path)
            #expect(DotEnvDocument(text: text).values == python)
        }
        #expect(try await DotEnvTestSupport.pythonDotenvValues(path)[corpusCase.key] == .some(corpusCase.value))
    }

    @Test func corpusIsLargeEnough() {
        #expect(DotEnvCorpus.cases.count >= 15)
    }
}
