/// A value written in configuration as one of a fixed set of words, such as a delivery
/// guarantee (`at_least_once`) or a bus kind (`pub_sub`).
///
/// Conforming gives the type a decoder that refuses any other word by listing the accepted
/// ones, in place of the standard library's "cannot initialize from invalid String value".
public protocol ConfigurationChoice: RawRepresentable<String>, CaseIterable, Decodable {}

extension ConfigurationChoice {
    /// Decodes one of the accepted words, or throws naming them all.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let accepted = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not an accepted value; accepted values: \(accepted)"))
        }
        self = value
    }
}
