/// Problems in the env file that would make the app or the tool misbehave.
enum EnvFileConsistency {
    /// Each problem found, as a sentence.
    static func problems(sources: SettingsSources, displayPath: String) -> [String] {
        guard let document = sources.envFile else {
            return ["\(displayPath) does not exist: run 'bc-webhooks setup' to create it"]
        }
        var problems: [String] = []
        let values = document.valuesByKey
        if (values[EnvVariable.webhookSecret] ?? "").isEmpty
            && (sources.environment[EnvVariable.webhookSecret] ?? "").isEmpty
        {
            problems.append("\(EnvVariable.webhookSecret) is not set: run 'bc-webhooks secret --write', then 'sync'")
        }
        if let endpoint = values[EnvVariable.endpoint], !endpoint.isEmpty {
            if let location = try? StoreLocation.parse(endpoint) {
                if let hash = values[EnvVariable.storeHash], !hash.isEmpty, hash.lowercased() != location.storeHash {
                    problems.append(
                        "\(EnvVariable.storeHash) (\(hash)) does not match the store in \(EnvVariable.endpoint) "
                            + "(\(location.storeHash))")
                }
            } else {
                problems.append("\(EnvVariable.endpoint) is not a BigCommerce API path: \(endpoint)")
            }
        }
        if let url = values[EnvVariable.appURL], !url.isEmpty, (try? AppURL(destinationBase: url)) == nil {
            problems.append("\(EnvVariable.appURL) (\(url)) cannot receive webhooks: it must be https on port 443")
        }
        for key in [EnvVariable.webhookSecret, EnvVariable.authToken] where document.lineNumbers(forKey: key).count > 1
        {
            let lines = document.lineNumbers(forKey: key).map(String.init).joined(separator: ", ")
            problems.append("\(key) appears on several lines (\(lines)): the last one is used; remove the others")
        }
        return problems
    }
}
