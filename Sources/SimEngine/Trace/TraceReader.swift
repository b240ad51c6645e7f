#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a trace written by ``TraceFileWriter``: one flat JSON object per line with `t_ns`,
/// `event` and the event's integer fields.
///
/// ```swift
/// try TraceReader.read(path: "reports/trace.jsonl") { time, event in checker.observe(event, at: time) }
/// ```
///
/// The file is streamed, so a trace of any size takes constant memory.
public enum TraceReader {
    /// Calls `body` with every event of the file at `path`, in order.
    public static func read(path: String, _ body: (SimulationInstant, TraceEvent) -> Void) throws(TraceReadError) {
        guard let file = fopen(path, "r") else {
            throw TraceReadError(path: path, line: 0, problem: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var number = 0
        while true {
            let length = getline(&buffer, &capacity, file)
            if length < 0 { break }
            number += 1
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer!).assumingMemoryBound(to: UInt8.self),
                                            count: length)
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                continue
            }
            do throws(TraceLineError) {
                let (time, event) = try parse(bytes)
                body(time, event)
            } catch {
                throw TraceReadError(path: path, line: number, problem: error.problem)
            }
        }
    }

    /// What is wrong with one line.
    struct TraceLineError: Error {
        var problem: String
    }

    /// Parses one line: a flat JSON object whose values are integers, except `event`, a string.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(TraceLineError) -> (SimulationInstant, TraceEvent) {
        var scanner = FlatObjectScanner(bytes: line)
        var time: Int64?
        var name: String?
        var fields: [String: Int64] = [:]
        try scanner.expect(UInt8(ascii: "{"))
        if !scanner.consumeIf(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.string()
                try scanner.expect(UInt8(ascii: ":"))
                if key == "event" {
                    name = try scanner.string()
                } else {
                    let value = try scanner.integer()
                    if key == "t_ns" { time = value } else { fields[key] = value }
                }
            } while scanner.consumeIf(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
        }
        guard let time else { throw TraceLineError(problem: "no \"t_ns\" (the event's time in nanoseconds)") }
        guard let name else { throw TraceLineError(problem: "no \"event\" name") }
        guard let event = TraceEvent(name: name, fields: fields) else {
            guard TraceEvent.names.contains(name) else {
                throw TraceLineError(problem: "unknown event '\(name)'; known: \(TraceEvent.names.joined(separator: ", "))")
            }
            let missing = TraceEvent.fieldNames(of: name).filter { fields[$0] == nil }
            throw TraceLineError(problem: "event '\(name)' lacks \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
        return (SimulationInstant(nanoseconds: time), event)
    }
}

/// Scans the tokens of a flat JSON object.
private struct FlatObjectScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func skipSpaces() {
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
            .contains(bytes[index]) { index += 1 }
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
        skipSpaces()
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var magnitude: UInt64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (product, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw TraceReader.TraceLineError(problem: "number too large at column \(start + 1)") }
            magnitude = sum
            index += 1
        }
        guard index > start else { throw TraceReader.TraceLineError(problem: "expected an integer at column \(start + 1)") }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw TraceReader.TraceLineError(problem: "number too small") }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else {
            // Client message ids are written as the bit pattern of an Int64; larger values wrap.
            return Int64(bitPattern: magnitude)
        }
        return Int64(magnitude)
    }
}
