import Foundation
import Yams
import SimSupport
import SimModel

/// Where a scenario comes from: a built-in name or a YAML/JSON file, with `--set` overrides
/// applied. Every failure is a ``ConfigurationFileError`` naming the file (or flag), line and
/// key, ready to print.
public enum ScenarioSource {
    /// The scenario `reference` names (a built-in scenario or a file), with `overrides`
    /// (`key.path=value`) applied and the result validated.
    public static func load(_ reference: String, overrides: [String] = []) throws(ConfigurationFileError) -> ChatScenario {
        var scenario: ChatScenario
        var fileText: String?
        if let builtIn = ScenarioCatalog.named(reference) {
            scenario = builtIn
        } else if isFile(reference) {
            let text = try ConfigurationFile.text(ofFile: reference)
            scenario = try ConfigurationFile.decode(ChatScenario.self, from: text, file: reference)
            fileText = text
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
        scenario = scenario.sized()
        do throws(ConfigurationError) {
            try scenario.validate()
        } catch {
            // A value an override set is the override's fault; any other is where the file writes it.
            if let overridden = overrides.last(where: { sets($0, error.location) }) {
                throw ConfigurationFileError(file: "--set '\(overridden)'", line: nil, keyPath: error.location,
                                             problem: "\(error.problem); \(error.remedy)")
            }
            let file = fileText == nil ? "scenario '\(scenario.name)'" : reference
            throw ConfigurationFileError(file: file, line: fileText.flatMap { ConfigurationFile.line(of: error.location, in: $0) },
                                         keyPath: error.location, problem: "\(error.problem); \(error.remedy)")
        }
        return scenario
    }

    /// The scenario a run recorded in its summary (`config`, the resolved scenario as JSON
    /// text), validated; `file` names where it was read for errors.
    public static func recorded(_ config: String, file: String) throws(ConfigurationFileError) -> ChatScenario {
        let scenario = try ConfigurationFile.decode(ChatScenario.self, from: config, file: file)
        do throws(ConfigurationError) {
            try scenario.validate()
        } catch {
            throw ConfigurationFileError(file: file, line: nil, keyPath: "config." + error.location,
                                         problem: "\(error.problem); \(error.remedy)")
        }
        return scenario
    }

    /// Whether `override` (`key.path=value`) sets the value at `location` or one that holds it.
    private static func sets(_ override: String, _ location: String) -> Bool {
        let key = override.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
        return !key.isEmpty && (location == key || location.hasPrefix(key + ".") || location.hasPrefix(key + "["))
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
        let path = override[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valueText = String(override[override.index(after: equals)...])
        guard path.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw refuse("", "'\(override[..<equals])' is not a key path; write keys joined by dots, such as system.gateway.nodes")
        }
        guard !valueText.trimmingWhitespace().isEmpty else {
            throw refuse(path.joined(separator: "."), "gives no value; write KEY.PATH=VALUE, such as clients=500")
        }
        let value: Any
        do throws(ConfigurationFileError) {
            value = try ConfigurationFile.plainValue(ofYAML: valueText, file: "")
        } catch {
            throw refuse(path.joined(separator: "."), "the value '\(valueText)' is not a YAML value simrun reads: \(error.problem)")
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
        do throws(ConfigurationFileError) {
            return try ConfigurationFile.decode(ChatScenario.self, from: String(decoding: data, as: UTF8.self),
                                                file: "--set '\(override)'")
        } catch {
            // The line is of the scenario as rewritten, not of anything the user wrote.
            throw ConfigurationFileError(file: error.file, line: nil, keyPath: error.keyPath, problem: error.problem)
        }
    }

    /// `scenario` with the system configuration in the file at `path` laid over its system:
    /// what the file sets replaces the scenario's value, what it leaves out keeps it.
    ///
    /// The file is first read and checked alone (keys it leaves out at their defaults), so that a
    /// wrong key, type or range is reported at its line.
    public static func laying(systemFile path: String, over scenario: ChatScenario) throws(ConfigurationFileError) -> ChatScenario {
        let text = try ConfigurationFile.text(ofFile: path)
        _ = try ConfigurationFile.decode(SystemConfiguration.self, from: text, file: path, root: "system") {
            (system: SystemConfiguration) throws(ConfigurationError) in try system.validate()
        }
        func refuse(_ problem: String) -> ConfigurationFileError {
            ConfigurationFileError(file: path, line: nil, keyPath: "system", problem: problem)
        }
        guard let layer = try ConfigurationFile.plainValue(ofYAML: text, file: path) as? [String: Any] else {
            throw refuse("is not a mapping of system keys; write, for example, gateway: { nodes: 3 }")
        }
        guard var tree = (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(scenario))) as? [String: Any],
              let system = tree["system"] as? [String: Any] else {
            throw refuse("the scenario could not be encoded")
        }
        tree["system"] = merging(layer, over: system)
        guard let data = try? JSONSerialization.data(withJSONObject: tree) else {
            throw refuse("holds a value that cannot be written as JSON")
        }
        do throws(ConfigurationFileError) {
            return try ConfigurationFile.decode(ChatScenario.self, from: String(decoding: data, as: UTF8.self), file: path)
        } catch {
            throw ConfigurationFileError(file: path, line: nil, keyPath: error.keyPath, problem: error.problem)
        }
    }

    /// `layer` over `base`: mappings merge key by key, anything else in `layer` replaces.
    private static func merging(_ layer: [String: Any], over base: [String: Any]) -> [String: Any] {
        var merged = base
        for (key, value) in layer {
            if let inner = value as? [String: Any], let under = base[key] as? [String: Any] {
                merged[key] = merging(inner, over: under)
            } else {
                merged[key] = value
            }
        }
        return merged
    }

    private static func set(_ value: Any, at path: ArraySlice<String>, in object: inout [String: Any], walked: [String],
                            refuse: (String, String) -> ConfigurationFileError) throws(ConfigurationFileError) {
        guard let key = path.first else { return }
        let here = (walked + [key]).joined(separator: ".")
        // A key the scenario leaves out (an optional one such as `sessions_per_second`, or a
        // misspelt one) is added: decoding the result accepts the first and names the nearest
        // valid key for the second.
        guard path.count > 1 else {
            if value is NSNull, let current = object[key], !(current is NSNull), !(current is [String: Any]) {
                throw refuse(here, "cannot be null: it holds a value the scenario needs; give a value")
            }
            object[key] = value
            return
        }
        if object[key] == nil || object[key] is NSNull { object[key] = [String: Any]() }
        guard var child = object[key] as? [String: Any] else {
            throw refuse(here, "holds a single value, not keys; set \(here) itself")
        }
        try set(value, at: path.dropFirst(), in: &child, walked: walked + [key], refuse: refuse)
        object[key] = child
    }
}
