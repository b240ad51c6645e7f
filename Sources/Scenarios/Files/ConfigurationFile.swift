import Foundation
import Yams
public import SimSupport
import SimModel

/// Reads configuration from YAML or JSON files (JSON is read as the YAML it also is), and
/// turns every failure into a ``ConfigurationFileError`` that names the file, the line and the
/// key.
///
/// ```swift
/// let system = try ConfigurationFile.decode(SystemConfiguration.self, fromFile: "system.yaml")
/// ```
public enum ConfigurationFile {
    /// Decodes `type` from the file at `path`, then checks it with `validate`.
    ///
    /// - Parameter root: the key path the file's top level stands for in the locations that
    ///   `validate` reports (`system` for a file that holds a ``SystemConfiguration``).
    public static func decode<T: Decodable>(
        _ type: T.Type, fromFile path: String, root: String = "",
        validate: (T) throws(ConfigurationError) -> Void = { _ in }
    ) throws(ConfigurationFileError) -> T {
        return try decode(type, from: try text(ofFile: path), file: path, root: root, validate: validate)
    }

    /// The file at `path` as text: UTF-8 with no control characters but tab, line feed and
    /// carriage return, or an error naming the line and byte offset of the first that is not.
    public static func text(ofFile path: String) throws(ConfigurationFileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let problem = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                ? (isDirectory.boolValue ? "is a folder" : "cannot be read") : "does not exist"
            throw ConfigurationFileError(file: path, line: nil, keyPath: "",
                                         problem: "\(problem); give the path of a YAML or JSON file")
        }
        return try text(of: Array(data), file: path)
    }

    /// `bytes` as text, checked as ``text(ofFile:)`` checks a file.
    public static func text(of bytes: [UInt8], file: String) throws(ConfigurationFileError) -> String {
        var line = 1
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var text = String.UnicodeScalarView()
        text.reserveCapacity(bytes.count)
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" || scalar.value == 0x7F {
                    throw ConfigurationFileError(
                        file: file, line: line, keyPath: "",
                        problem: "holds the control character U+\(String(scalar.value, radix: 16, uppercase: true)) at byte \(offset); "
                            + "a scenario file is text: remove it")
                }
                if scalar == "\n" { line += 1 }
                offset += UTF8.width(scalar)
                text.append(scalar)
            case .emptyInput:
                return String(text)
            case .error:
                throw ConfigurationFileError(
                    file: file, line: line, keyPath: "",
                    problem: "is not UTF-8: the byte at offset \(offset) (0x\(String(bytes[offset], radix: 16, uppercase: true))) "
                        + "does not begin a valid UTF-8 character; save the file as UTF-8")
            }
        }
    }

    /// The value `text` writes, as the plain objects JSON serialisation takes (dictionaries keyed
    /// by text, arrays, numbers, text, booleans, `NSNull`), or an error naming the line of a
    /// construct configuration never uses: a key that is not a plain word (`{a: 1}: 2`), an
    /// alias, invalid YAML.
    public static func plainValue(ofYAML text: String, file: String) throws(ConfigurationFileError) -> Any {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw syntaxError(error, file: file)
        }
        guard let root else { return NSNull() }
        return try plainValue(of: root, file: file)
    }

    private static func plainValue(of node: Node, file: String) throws(ConfigurationFileError) -> Any {
        switch node {
        case .scalar:
            return Constructor.default.any(from: node)
        case .sequence(let sequence):
            var values: [Any] = []
            for element in sequence { values.append(try plainValue(of: element, file: file)) }
            return values
        case .mapping(let mapping):
            var values: [String: Any] = [:]
            for (key, value) in mapping {
                guard case .scalar = key, let name = key.string else {
                    throw ConfigurationFileError(file: file, line: key.mark?.line, keyPath: "",
                                                 problem: "has a key that is not a plain word; keys are names such as nodes or think_time")
                }
                values[name] = try plainValue(of: value, file: file)
            }
            return values
        case .alias:
            throw ConfigurationFileError(file: file, line: node.mark?.line, keyPath: "",
                                         problem: "uses a YAML alias; write the value out instead")
        }
    }

    /// The line where the key path `location` (`system.gateway.nodes`, `profiles[1].weight`)
    /// is written in `text`, or of its deepest part that is written there.
    public static func line(of location: String, in text: String) -> Int? {
        guard let root = try? Yams.compose(yaml: text) else { return nil }
        return line(of: keyPath(location), in: root)
    }

    /// Decodes `type` from `text`, checks it with `validate`, and reports errors against `file`.
    public static func decode<T: Decodable>(
        _ type: T.Type, from text: String, file: String, root rootKey: String = "",
        validate: (T) throws(ConfigurationError) -> Void = { _ in }
    ) throws(ConfigurationFileError) -> T {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigurationFileError(file: file, line: nil, keyPath: "", problem: "is empty; write a YAML or JSON object")
            }
            root = node
        } catch let error as ConfigurationFileError {
            throw error
        } catch {
            throw syntaxError(error, file: file)
        }
        let value: T
        do {
            value = try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            throw decodingError(error, root: root, rootKey: rootKey, file: file)
        } catch {
            throw ConfigurationFileError(file: file, line: nil, keyPath: "", problem: "\(error)")
        }
        do throws(ConfigurationError) {
            try validate(value)
        } catch {
            var keys = keyPath(error.location)
            if !rootKey.isEmpty, keys.first == rootKey { keys.removeFirst() }
            throw ConfigurationFileError(file: file, line: line(of: keys, in: root), keyPath: error.location,
                                         problem: "\(error.problem); \(error.remedy)")
        }
        return value
    }

    /// The first line after `line` that writes `key` at the start of a mapping entry, where a
    /// duplicate of the key on `line` is.
    private static func secondLine(ofKey key: String, after line: Int, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let forms = ["\(key):", "\"\(key)\":", "'\(key)':"]
        for index in line..<lines.count {
            let content = lines[index].drop { $0 == " " || $0 == "-" || $0 == "{" || $0 == "," }
            if forms.contains(where: { content.hasPrefix($0) }) || lines[index].contains(", \(key):")
                || lines[index].contains("{\(key):") || lines[index].contains(",\"\(key)\":") {
                return index + 1
            }
        }
        return nil
    }

    /// `a.b[2].c` as `["a", "b", "[2]", "c"]`.
    private static func keyPath(_ location: String) -> [String] {
        location.split(separator: ".").flatMap { part -> [String] in
            guard let bracket = part.firstIndex(of: "[") else { return [String(part)] }
            return [String(part[..<bracket])] + part[bracket...].split(separator: "[").map { "[\($0)" }
        }
    }

    private static func syntaxError(_ error: any Error, file: String) -> ConfigurationFileError {
        guard let yaml = error as? YamlError else {
            return ConfigurationFileError(file: file, line: nil, keyPath: "", problem: "is not valid YAML or JSON: \(error)")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return ConfigurationFileError(file: file, line: mark.line, keyPath: "",
                                          problem: "is not valid YAML or JSON: \(detail)\(problem) (column \(mark.column))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = context.mark.line
            let again = duplicates.first.flatMap { secondLine(ofKey: $0, after: first, in: context.text) }
            let place = again.map { " (again on line \($0))" } ?? ""
            return ConfigurationFileError(file: file, line: first, keyPath: "",
                                          problem: "names \(duplicates.joined(separator: ", ")) twice\(place); give each key once")
        default:
            return ConfigurationFileError(file: file, line: nil, keyPath: "", problem: "is not valid YAML or JSON: \(yaml)")
        }
    }

    private static func decodingError(_ error: DecodingError, root: Node, rootKey: String, file: String) -> ConfigurationFileError {
        let (path, problem): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let context):
            (context.codingPath, "has the wrong type: expected \(describe(type))")
        case .valueNotFound(let type, let context):
            (context.codingPath, "is missing a value: expected \(describe(type))")
        case .keyNotFound(let key, let context):
            (context.codingPath + [key], "is required but missing")
        case .dataCorrupted(let context):
            (context.codingPath, context.debugDescription)
        @unknown default:
            ([], "\(error)")
        }
        let keys = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        let keyPath = ((rootKey.isEmpty ? [] : [rootKey]) + keys).reduce("") { text, key in
            key.hasPrefix("[") || text.isEmpty ? text + key : text + "." + key
        }
        return ConfigurationFileError(file: file, line: line(of: keys, in: root), keyPath: keyPath, problem: problem)
    }

    /// The line where the deepest key of the path that the file has is written.
    private static func line(of keys: [String], in root: Node) -> Int? {
        var node = root
        var line = root.mark?.line
        for key in keys {
            if key.hasPrefix("["), let index = Int(key.dropFirst().dropLast()) {
                let elements = node.array()
                guard elements.indices.contains(index) else { break }
                node = elements[index]
                line = node.mark?.line ?? line
            } else {
                guard let pair = node.mapping?.first(where: { $0.key.string == key }) else { break }
                node = pair.value
                line = pair.key.mark?.line ?? line
            }
        }
        return line
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is UInt64.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
