import Foundation
import Yams
import SimSupport

/// Where a scenario comes from: a built-in name or a YAML/JSON file, with `--set` overrides
/// applied. Every failure is a ``ConfigurationFileError`` naming the file (or flag), line and
/// key, ready to print.
public enum ScenarioSource {
    /// The scenario `reference` names (a built-in scenario or a file), with `overrides`
    /// (`key.path=value`) applied and the result validated.
    public static func load(_ reference: String, overrides: [String] = []) throws(ConfigurationFileError) -> ChatScenario {
        var scenario: ChatScenario
        if let builtIn = ScenarioCatalog.named(reference) {
            scenario = builtIn
        } else if isFile(reference) {
            scenario = try ConfigurationFile.decode(ChatScenario.self, fromFile: reference)
        } else {
            let names = ScenarioCatalog.all.map(\.name)
            let suggestion = names.min { editDistance($0, reference) < editDistance($1, reference) }
                .map { " Did you mean '\($0)'?" } ?? ""
            throw ConfigurationFileError(
                file: reference, line: nil, keyPath: "",
                problem: "is neither a built-in scenario nor a file.\(suggestion) Known scenarios: \(names.joined(separator: ", ")); "
                    + "or give the path of a .yaml or .json scenario file")
        }
        for override in overrides { scenario = try apply(override, to: scenario) }
        do throws(ConfigurationError) {
            try scenario.validate()
        } catch {
            let file = isFile(reference) ? reference : "scenario '\(scenario.name)'"
            throw ConfigurationFileError(file: file, line: nil, keyPath: error.location, problem: "\(error.problem); \(error.remedy)")
        }
        return scenario
    }

    /// `scenario` as YAML or JSON text, every parameter resolved.
    public static func text(of scenario: ChatScenario, json: Bool) throws -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(scenario), as: UTF8.self) + "\n"
        }
        return readableNumbers(try YAMLEncoder().encode(scenario))
    }

    /// Rewrites the encoder's scientific notation (`5e+0`, `1.2e-2`) as people write numbers
    /// (`5.0`, `0.012`); Swift's shortest form reads back as the same value.
    private static func readableNumbers(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let separator = line.range(of: ": ", options: .backwards) ?? line.range(of: "- ") else { return String(line) }
            let value = line[separator.upperBound...]
            guard value.contains("e"), value.allSatisfy({ "0123456789.e+-".contains($0) }), let number = Double(value) else {
                return String(line)
            }
            return line[..<separator.upperBound] + "\(number)"
        }.joined(separator: "\n")
    }

    private static func isFile(_ reference: String) -> Bool {
        FileManager.default.fileExists(atPath: reference)
            || [".yaml", ".yml", ".json"].contains { reference.lowercased().hasSuffix($0) }
    }

    /// Applies one `key.path=value` override: the value is read as YAML (a number, true or false,
    /// a duration such as 30s, or a flow mapping such as `{kind: constant, value: 2}`).
    private static func apply(_ override: String, to scenario: ChatScenario) throws(ConfigurationFileError) -> ChatScenario {
        func refuse(_ keyPath: String, _ problem: String) -> ConfigurationFileError {
            ConfigurationFileError(file: "--set '\(override)'", line: nil, keyPath: keyPath, problem: problem)
        }
        guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
            throw refuse("", "is not KEY.PATH=VALUE; write, for example, --set clients=500 or --set system.gateway.nodes=3")
        }
        let path = override[..<equals].split(separator: ".").map(String.init)
        let valueText = String(override[override.index(after: equals)...])
        let value: Any
        do {
            value = try Yams.load(yaml: valueText) ?? NSNull()
        } catch {
            throw refuse(path.joined(separator: "."), "the value '\(valueText)' is not valid YAML")
        }
        if let number = value as? Double, !number.isFinite {
            throw refuse(path.joined(separator: "."), "'\(valueText)' is not a finite number; give a number such as 2.5")
        }
        guard var tree = (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(scenario))) as? [String: Any] else {
            throw refuse("", "the scenario could not be encoded")
        }
        try set(value, at: path[...], in: &tree, walked: [], refuse: refuse)
        guard let data = try? JSONSerialization.data(withJSONObject: tree) else {
            throw refuse(path.joined(separator: "."), "the value '\(valueText)' cannot be written as JSON")
        }
        return try ConfigurationFile.decode(ChatScenario.self, from: String(decoding: data, as: UTF8.self),
                                            file: "--set '\(override)'")
    }

    private static func set(_ value: Any, at path: ArraySlice<String>, in object: inout [String: Any], walked: [String],
                            refuse: (String, String) -> ConfigurationFileError) throws(ConfigurationFileError) {
        guard let key = path.first else { return }
        let here = (walked + [key]).joined(separator: ".")
        let known = object.keys.sorted()
        // `notifications` may be absent from a scenario that has none: setting it creates it.
        guard known.contains(key) || (walked.isEmpty && key == "notifications") else {
            let nearest = known.min { editDistance($0, key) < editDistance($1, key) }.map { " Did you mean '\($0)'?" } ?? ""
            throw refuse(here, "unknown key.\(nearest) Accepted keys: \(known.joined(separator: ", "))")
        }
        guard path.count > 1 else {
            object[key] = value
            return
        }
        guard var child = object[key] as? [String: Any] else {
            throw refuse(here, "holds a single value, not keys; set \(here) itself")
        }
        try set(value, at: path.dropFirst(), in: &child, walked: walked + [key], refuse: refuse)
        object[key] = child
    }
}
