#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A report written as JSON the way every simrun JSON file is: snake_case keys, sorted,
/// pretty-printed, slashes unescaped, a final newline.
public protocol JSONReport: Encodable {}

extension JSONReport {
    /// The report's JSON text.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
