/// One value of a trace line in schema version 2, as JSON writes it.
public enum TraceToken: Equatable, Sendable {
    /// A JSON integer.
    case integer(Int64)
    /// A JSON string: the name of an enumeration's case.
    case name(String)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null

    /// The token as it appears in a trace line.
    public var json: String {
        switch self {
        case .integer(let value): "\(value)"
        case .name(let name): "\"\(name)\""
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        }
    }
}
