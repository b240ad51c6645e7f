public import SimRuntime

/// A value a trace event carries in one of its fields.
///
/// Each value has an integer code, which the trace hash folds in and which traces of schema
/// version 1 wrote, and a JSON form, which traces of schema version 2 write: integers for
/// numbers and times, names for enumerations, `true` and `false`, `null` for nothing.
public protocol TraceValue: Sendable, Equatable {
    /// A value to start from before a field is read.
    static var placeholder: Self { get }

    /// What the value is, for the trace's documentation: `integer`, or the names accepted.
    static var traceType: String { get }

    /// The JSON Schema of the value as schema version 2 writes it.
    static var traceJSONSchema: String { get }

    /// The value's integer code: what the trace hash folds in and schema version 1 wrote.
    var traceCode: Int64 { get }

    /// The value whose integer code is `code`, or nil if no value has it.
    init?(traceCode code: Int64)

    /// The value as schema version 2 writes it.
    var traceToken: TraceToken { get }

    /// The value `token` writes in schema version 2, or nil if it is not one.
    init?(traceToken token: TraceToken)
}

extension TraceValue where Self: RawRepresentable, RawValue == String, Self: CaseIterable {
    public static var traceType: String {
        "one of " + allCases.map { "`\($0.rawValue)` (\($0.traceCode))" }.joined(separator: ", ")
    }
    public var traceToken: TraceToken { .name(rawValue) }
    public static var traceJSONSchema: String { "{\"enum\":[" + allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]}" }

    public init?(traceToken token: TraceToken) {
        guard case .name(let name) = token, let value = Self(rawValue: name) else { return nil }
        self = value
    }
}

extension Int: TraceValue {
    public static var placeholder: Int { 0 }
    public static var traceJSONSchema: String { #"{"type":"integer"}"# }
    public static var traceType: String { "integer" }
    public var traceCode: Int64 { Int64(self) }
    public init?(traceCode code: Int64) { self.init(exactly: code) }
    public var traceToken: TraceToken { .integer(Int64(self)) }

    public init?(traceToken token: TraceToken) {
        guard case .integer(let value) = token, let exact = Int(exactly: value) else { return nil }
        self = exact
    }
}

extension Int64: TraceValue {
    public static var placeholder: Int64 { 0 }
    public static var traceJSONSchema: String { #"{"type":"integer"}"# }
    public static var traceType: String { "integer" }
    public var traceCode: Int64 { self }
    public init?(traceCode code: Int64) { self = code }
    public var traceToken: TraceToken { .integer(self) }

    public init?(traceToken token: TraceToken) {
        guard case .integer(let value) = token else { return nil }
        self = value
    }
}

/// Identifiers (client message ids, notification ids) use all 64 bits; traces write them as
/// the signed integer with the same bits.
extension UInt64: TraceValue {
    public static var placeholder: UInt64 { 0 }
    public static var traceJSONSchema: String { #"{"type":"integer"}"# }
    public static var traceType: String { "integer (64-bit identifier)" }
    public var traceCode: Int64 { Int64(bitPattern: self) }
    public init?(traceCode code: Int64) { self.init(bitPattern: code) }
    public var traceToken: TraceToken { .integer(Int64(bitPattern: self)) }

    public init?(traceToken token: TraceToken) {
        guard case .integer(let value) = token else { return nil }
        self.init(bitPattern: value)
    }
}

extension Bool: TraceValue {
    public static var placeholder: Bool { false }
    public static var traceJSONSchema: String { #"{"type":"boolean"}"# }
    public static var traceType: String { "`true` or `false` (schema 1: 1 or 0)" }
    public var traceCode: Int64 { self ? 1 : 0 }

    public init?(traceCode code: Int64) {
        guard code == 0 || code == 1 else { return nil }
        self = code == 1
    }

    public var traceToken: TraceToken { .boolean(self) }

    public init?(traceToken token: TraceToken) {
        guard case .boolean(let value) = token else { return nil }
        self = value
    }
}

/// A time of the run, in nanoseconds from its start.
extension SimulationInstant: TraceValue {
    public static var placeholder: SimulationInstant { .start }
    public static var traceJSONSchema: String { #"{"type":"integer","minimum":0}"# }
    public static var traceType: String { "integer (nanoseconds from the start of the run)" }
    public var traceCode: Int64 { nanoseconds }
    public init?(traceCode code: Int64) { self.init(nanoseconds: code) }
    public var traceToken: TraceToken { .integer(nanoseconds) }

    public init?(traceToken token: TraceToken) {
        guard case .integer(let value) = token else { return nil }
        self.init(nanoseconds: value)
    }
}

/// Nothing is written as `null`; schema version 1 wrote -1, a code no wrapped value uses.
extension Optional: TraceValue where Wrapped: TraceValue {
    public static var placeholder: Wrapped? { nil }
    public static var traceJSONSchema: String { "{\"anyOf\":[\(Wrapped.traceJSONSchema),{\"type\":\"null\"}]}" }
    public static var traceType: String { "\(Wrapped.traceType), or `null` (schema 1: -1)" }
    public var traceCode: Int64 { map(\.traceCode) ?? -1 }

    public init?(traceCode code: Int64) {
        if code == -1 { self = .none; return }
        guard let value = Wrapped(traceCode: code) else { return nil }
        self = .some(value)
    }

    public var traceToken: TraceToken { map(\.traceToken) ?? .null }

    public init?(traceToken token: TraceToken) {
        if token == .null { self = .none; return }
        guard let value = Wrapped(traceToken: token) else { return nil }
        self = .some(value)
    }
}
