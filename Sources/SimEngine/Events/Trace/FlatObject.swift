import SimRuntime
import SimSupport

/// One line of a trace: a flat JSON object whose values are integers, strings, booleans or
/// null, with its keys in order.
struct FlatObject {
    private(set) var members: [(key: String, value: TraceToken)] = []

    /// The value of `key`, if the object has it.
    func value(of key: String) -> TraceToken? {
        members.first { $0.key == key }?.value
    }

    /// Parses one line. Duplicate keys and anything after the closing brace are errors.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(TraceReader.TraceLineError) -> FlatObject {
        var scanner = Scanner(bytes: bytes)
        var object = FlatObject()
        try scanner.expect(UInt8(ascii: "{"))
        if !scanner.consumeIf(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.string()
                guard object.value(of: key) == nil else {
                    throw TraceReader.TraceLineError(problem: "gives \"\(key)\" twice; a line gives each key once")
                }
                try scanner.expect(UInt8(ascii: ":"))
                object.members.append((key, try scanner.value()))
            } while scanner.consumeIf(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        scanner.skipSpaces()
        guard scanner.index == bytes.count else {
            throw TraceReader.TraceLineError(problem: "text after the object's closing brace (column \(scanner.index + 1)); "
                                             + "a line holds one object")
        }
        return object
    }

    /// The event the object describes, in `schema`.
    func event(schema: Int) throws(TraceReader.TraceLineError) -> (SimulationInstant, TraceEvent) {
        guard case .integer(let time)? = value(of: "t_ns") else {
            throw TraceReader.TraceLineError(problem: "no \"t_ns\" (the event's time in nanoseconds, an integer)")
        }
        guard case .name(let name)? = value(of: "event") else {
            throw TraceReader.TraceLineError(problem: "no \"event\" name")
        }
        guard let payload = TraceSchema.payloadTypesByName[name] else {
            let nearest = TraceSchema.eventNames.min { editDistance($0, name) < editDistance($1, name) } ?? ""
            throw TraceReader.TraceLineError(problem: "unknown event '\(name)'. Did you mean '\(nearest)'? Known: "
                                             + TraceSchema.eventNames.joined(separator: ", "))
        }
        return (SimulationInstant(nanoseconds: time), try decode(payload, named: name, schema: schema))
    }

    private func decode<Payload: TraceEventPayload>(_ type: Payload.Type, named name: String,
                                                    schema: Int) throws(TraceReader.TraceLineError) -> TraceEvent {
        var reading = FieldReading(object: self, schema: schema)
        var payload = Payload()
        payload.fields(&reading)
        if !reading.missing.isEmpty {
            throw TraceReader.TraceLineError(problem: "event '\(name)' lacks "
                                             + reading.missing.map { "'\($0)'" }.joined(separator: ", "))
        }
        if let problem = reading.problem { throw TraceReader.TraceLineError(problem: "event '\(name)': \(problem)") }
        let known = Set(reading.visited + ["t_ns", "event"])
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw TraceReader.TraceLineError(problem: "event '\(name)' has no field '\(unknown.key)'; its fields are "
                                             + reading.visited.joined(separator: ", "))
        }
        return payload.event
    }

    /// Sets each field from the object's value of the same name.
    private struct FieldReading: TraceFieldCoder {
        let object: FlatObject
        let schema: Int
        var visited: [String] = []
        var missing: [String] = []
        var problem: String?

        mutating func field<Value: TraceValue>(_ name: StaticString, _ value: inout Value, _ meaning: StaticString,
                                         since: Int) {
            let key = name.description
            visited.append(key)
            guard let token = object.value(of: key) else {
                // An older trace does not carry a field added since: the payload's default stands.
                if schema < since { return }
                return missing.append(key)
            }
            let decoded: Value? = if schema == 1 {
                if case .integer(let code) = token { Value(traceCode: code) } else { nil }
            } else {
                Value(traceToken: token)
            }
            guard let decoded else {
                if problem == nil { problem = "'\(key)' is \(token.json), but it takes \(Value.traceType)" }
                return
            }
            value = decoded
        }
    }
}

/// Scans the tokens of a flat JSON object.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
            || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") { index += 1 }
    }

    mutating func consumeIf(_ byte: UInt8) -> Bool {
        skipSpaces()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func expect(_ byte: UInt8) throws(TraceReader.TraceLineError) {
        guard consumeIf(byte) else {
            throw TraceReader.TraceLineError(problem: "expected '\(Character(Unicode.Scalar(byte)))' at column \(index + 1)")
        }
    }

    mutating func value() throws(TraceReader.TraceLineError) -> TraceToken {
        skipSpaces()
        guard index < bytes.count else { throw TraceReader.TraceLineError(problem: "expected a value at column \(index + 1)") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .name(try string())
        case UInt8(ascii: "t"): try word("true"); return .boolean(true)
        case UInt8(ascii: "f"): try word("false"); return .boolean(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        default: return .integer(try integer())
        }
    }

    private mutating func word(_ text: StaticString) throws(TraceReader.TraceLineError) {
        let start = index
        var matches = true
        text.withUTF8Buffer { word in
            for byte in word {
                guard index < bytes.count, bytes[index] == byte else { matches = false; return }
                index += 1
            }
        }
        guard matches else { throw TraceReader.TraceLineError(problem: "expected a value at column \(start + 1)") }
    }

    mutating func string() throws(TraceReader.TraceLineError) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] != UInt8(ascii: "\\") else {
                throw TraceReader.TraceLineError(problem: "escaped characters are not used in traces (column \(index + 1))")
            }
            index += 1
        }
        guard index < bytes.count else { throw TraceReader.TraceLineError(problem: "unterminated string") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
    }

    mutating func integer() throws(TraceReader.TraceLineError) -> Int64 {
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var magnitude: UInt64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (product, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else {
                throw TraceReader.TraceLineError(problem: "number too large at column \(start + 1)")
            }
            magnitude = sum
            index += 1
        }
        guard index > start else { throw TraceReader.TraceLineError(problem: "expected a value at column \(start + 1)") }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw TraceReader.TraceLineError(problem: "number too small") }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        // Identifiers are written as the Int64 with the same bits; larger values wrap to them.
        return Int64(bitPattern: magnitude)
    }
}
