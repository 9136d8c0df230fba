import Testing

/// Tricky env files, one key set in each, with the exact text expected afterwards.
enum DotEnvCorpus {
    /// One file, the edit made to it, and the whole expected result (written out by hand).
    struct Case: Sendable, CustomTestStringConvertible {
        /// What the file exercises.
        let name: String
        /// The file as found.
        let original: String
        /// The key set.
        let key: String
        /// The value set.
        let value: String
        /// The file afterwards: the original with only the edited (or appended) line different.
        let expected: String
        /// The line numbers a duplicate-key warning must name, empty when none is expected.
        var duplicateLines: [Int] = []

        /// The case's name in test reports.
        var testDescription: String { name }
    }

    /// A 20,000-character value for the very long line case.
    static let longValue = String(repeating: "x", count: 20_000)

    /// The corpus.
    static let cases: [Case] = [
        Case(
            name: "comments and blank lines",
            original: "# Front-Commerce\n\nFRONT_COMMERCE_URL=https://shop.example.com\n\n# secret below\n"
                + "SECRET=old\n   # indented comment\n\n",
            key: "SECRET", value: "abc123",
            expected: "# Front-Commerce\n\nFRONT_COMMERCE_URL=https://shop.example.com\n\n# secret below\n"
                + "SECRET=abc123\n   # indented comment\n\n"),
        Case(
            name: "export prefix kept",
            original: "export A=1\nexport   SECRET=\"old\"\nexport B='2'\n",
            key: "SECRET", value: "new-1",
            expected: "export A=1\nexport   SECRET=new-1\nexport B='2'\n"),
        Case(
            name: "single-quoted with inline comment",
            original: "SECRET='old value' # keep me\nA=1\n",
            key: "SECRET", value: "a b",
            expected: "SECRET='a b' # keep me\nA=1\n"),
        Case(
            name: "multi-line double-quoted value left alone",
            original: "CERT=\"-----BEGIN-----\nMIIB\\nabc\n-----END-----\"\nSECRET=old\nTAIL=1\n",
            key: "SECRET", value: "s3cr3t",
            expected: "CERT=\"-----BEGIN-----\nMIIB\\nabc\n-----END-----\"\nSECRET=s3cr3t\nTAIL=1\n"),
        Case(
            name: "multi-line double-quoted value replaced",
            original: "A=1\nSECRET=\"line1\nline2\" # was multi\nB=2\n",
            key: "SECRET", value: "one",
            expected: "A=1\nSECRET=one # was multi\nB=2\n"),
        Case(
            name: "back-quoted and double-quoted neighbours",
            original: "A=`hello world`\nB=\"say \\\"hi\\\"\"\nC='it''s'\n",
            key: "SECRET", value: "v",
            expected: "A=`hello world`\nB=\"say \\\"hi\\\"\"\nC='it''s'\nSECRET=v\n"),
        Case(
            name: "CRLF line ends, key updated",
            original: "A=1\r\nSECRET=old\r\n# c\r\n",
            key: "SECRET", value: "new",
            expected: "A=1\r\nSECRET=new\r\n# c\r\n"),
        Case(
            name: "CRLF line ends, key appended",
            original: "A=1\r\n# c\r\n",
            key: "SECRET", value: "new",
            expected: "A=1\r\n# c\r\nSECRET=new\r\n"),
        Case(
            name: "missing final newline, key appended",
            original: "A=1\nB=2",
            key: "SECRET", value: "s",
            expected: "A=1\nB=2\nSECRET=s\n"),
        Case(
            name: "missing final newline with CRLF, key appended",
            original: "A=1\r\nB=2",
            key: "SECRET", value: "s",
            expected: "A=1\r\nB=2\r\nSECRET=s\r\n"),
        Case(
            name: "missing final newline, last line updated",
            original: "A=1\nSECRET=old",
            key: "SECRET", value: "new",
            expected: "A=1\nSECRET=new"),
        Case(
            name: "byte order mark",
            original: "\u{FEFF}SECRET=old\nA=1\n",
            key: "SECRET", value: "new",
            expected: "\u{FEFF}SECRET=new\nA=1\n"),
        Case(
            name: "duplicate key: the last one changes",
            original: "SECRET=first\nA=1\nSECRET=second # note\nB=2\n",
            key: "SECRET", value: "third",
            expected: "SECRET=first\nA=1\nSECRET=third # note\nB=2\n",
            duplicateLines: [1, 3]),
        Case(
            name: "spaces around the equals sign",
            original: "A = 1\nSECRET = old\n",
            key: "SECRET", value: "new",
            expected: "A = 1\nSECRET = new\n"),
        Case(
            name: "empty values",
            original: "A=\nSECRET=\nB=''\nC=\"\"\n",
            key: "SECRET", value: "filled",
            expected: "A=\nSECRET=filled\nB=''\nC=\"\"\n"),
        Case(
            name: "emptied value next to a comment is quoted",
            original: "SECRET=old # note\n",
            key: "SECRET", value: "",
            expected: "SECRET='' # note\n"),
        Case(
            name: "values with hash and dollar",
            original: "A=abc#notcomment\nB=x # comment\nC='$HOME'\nD=\"${A}\"\nSECRET=old\n",
            key: "SECRET", value: "p@ss #1 $x",
            expected: "A=abc#notcomment\nB=x # comment\nC='$HOME'\nD=\"${A}\"\nSECRET='p@ss #1 $x'\n"),
        Case(
            name: "unicode",
            original: "GREETING=héllo wörld 🌍\nSECRET=old\n",
            key: "SECRET", value: "café ☕",
            expected: "GREETING=héllo wörld 🌍\nSECRET='café ☕'\n"),
        Case(
            name: "very long line",
            original: "LONG=\(longValue)\nSECRET=old\n",
            key: "SECRET", value: "new",
            expected: "LONG=\(longValue)\nSECRET=new\n"),
        Case(
            name: "lowercase and dotted keys",
            original: "app.name=shop\nlower_key=1\nSECRET=old\n",
            key: "SECRET", value: "new",
            expected: "app.name=shop\nlower_key=1\nSECRET=new\n"),
        Case(
            name: "indent and tabs",
            original: "  A=1\n\tSECRET=old\t# c\n",
            key: "SECRET", value: "new",
            expected: "  A=1\n\tSECRET=new\t# c\n"),
        Case(
            name: "lines no reader accepts are kept",
            original: "this is not valid\nA='unterminated\nSECRET=old\n=novalue\n",
            key: "SECRET", value: "new",
            expected: "this is not valid\nA='unterminated\nSECRET=new\n=novalue\n"),
        Case(
            name: "key without equals sign",
            original: "SECRET\nA=1\n",
            key: "SECRET", value: "new",
            expected: "SECRET=new\nA=1\n"),
        Case(
            name: "old Mac CR line ends",
            original: "A=1\rSECRET=old\r",
            key: "SECRET", value: "new",
            expected: "A=1\rSECRET=new\r"),
        Case(
            name: "empty file",
            original: "",
            key: "SECRET", value: "s",
            expected: "SECRET=s\n"),
        Case(
            name: "same value: nothing rewritten, quoting style kept",
            original: "SECRET=\"same\"  # keep\n",
            key: "SECRET", value: "same",
            expected: "SECRET=\"same\"  # keep\n"),
    ]
}
