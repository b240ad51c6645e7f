#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import SimRuntime

/// Reads a trace file of any readable schema version (``TraceSchema``), streaming it, so that a
/// trace of any size takes constant memory.
///
/// ```swift
/// let file = try TraceReader.read(path: "reports/trace.jsonl") { time, event in
///     recorder.record(event, at: time)
/// }
/// print(file.schema, file.events)
/// ```
///
/// A file of schema version 2 must begin with its header and end with its closing line, and its
/// events must add up to the count and hash that line gives; anything else is an error that
/// names the line.
public enum TraceReader {
    /// What a trace file said about itself.
    public struct FileSummary: Equatable, Sendable {
        /// The schema version it was written in.
        public var schema: Int
        /// The events it holds.
        public var events: UInt64
        /// The hash of its events, as the run computed it.
        public var hash: TraceHasher
        /// Whether a closing line sealed it (always in schema version 2).
        public var sealed: Bool
    }

    /// Calls `body` with every event of the file at `path`, in order.
    @discardableResult
    public static func read(path: String, _ body: (SimulationInstant, TraceEvent) -> Void) throws(TraceReadError) -> FileSummary {
        var directory = stat()
        if stat(path, &directory) == 0, (directory.st_mode & S_IFMT) == S_IFDIR {
            throw TraceReadError(path: path, line: 0, problem: "is a folder, not a trace file; give the path of a trace.jsonl")
        }
        guard let file = fopen(path, "r") else {
            throw TraceReadError(path: path, line: 0, problem: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var reading = Reading()
        var number = 0
        do throws(TraceLineError) {
            while true {
                let length = getline(&buffer, &capacity, file)
                if length < 0 { break }
                number += 1
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer!).assumingMemoryBound(to: UInt8.self),
                                                count: length)
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                    continue
                }
                if let (time, event) = try reading.line(bytes) { body(time, event) }
            }
            return try reading.finish()
        } catch {
            throw TraceReadError(path: path, line: error.line ?? number, problem: error.problem)
        }
    }

    /// Reads every event of `text`, a whole trace, in order: for tests and small traces.
    public static func events(in text: String) throws(TraceReadError) -> [(SimulationInstant, TraceEvent)] {
        var reading = Reading()
        var events: [(SimulationInstant, TraceEvent)] = []
        var number = 0
        do throws(TraceLineError) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                number += 1
                guard !line.allSatisfy({ $0 == " " || $0 == "\r" }) else { continue }
                var bytes = Array(line.utf8)
                if let event = try bytes.withUnsafeMutableBufferPointer({ (buffer) throws(TraceLineError) in
                    try reading.line(UnsafeBufferPointer(buffer))
                }) {
                    events.append(event)
                }
            }
            _ = try reading.finish()
        } catch {
            throw TraceReadError(path: "trace", line: error.line ?? number, problem: error.problem)
        }
        return events
    }

    /// What is wrong with one line, or, with `line`, with an earlier one.
    struct TraceLineError: Error {
        var problem: String
        var line: Int?
    }

    /// The state of reading one file: its schema, what it held so far, and whether it is closed.
    struct Reading {
        private(set) var schema: Int?
        private var hasher = TraceHasher()
        private var events: UInt64 = 0
        private var seal: (events: UInt64, hash: String)?
        private var lines = 0

        /// Takes one non-blank line; returns its event, if it is one.
        mutating func line(_ bytes: UnsafeBufferPointer<UInt8>) throws(TraceLineError) -> (SimulationInstant, TraceEvent)? {
            lines += 1
            guard seal == nil else {
                throw TraceLineError(problem: "comes after the trace's closing line; the file was edited or two traces were joined")
            }
            let object = try FlatObject.parse(bytes)
            if schema == nil {
                if let header = object.value(of: TraceSchema.headerKey) {
                    guard header == .name("simrun"), case .integer(let version)? = object.value(of: "schema") else {
                        throw TraceLineError(problem: "is not a simrun trace header; expected {\"trace\":\"simrun\",\"schema\":2}")
                    }
                    guard TraceSchema.readableVersions.contains(Int(truncatingIfNeeded: version)) else {
                        throw TraceLineError(problem: "is a trace of schema version \(version); this simrun reads versions "
                                             + "\(TraceSchema.readableVersions.lowerBound) to \(TraceSchema.readableVersions.upperBound)")
                    }
                    schema = Int(version)
                    return nil
                }
                // Schema version 1 had no header: the first line is already an event.
                schema = 1
            }
            if object.value(of: TraceSchema.closingKey) != nil {
                guard schema == 2 else { throw TraceLineError(problem: "closes a trace of schema version 1, which has no closing line") }
                guard case .integer(let count)? = object.value(of: "events"), count >= 0,
                      case .name(let hash)? = object.value(of: "hash") else {
                    throw TraceLineError(problem: "is a closing line without its \"events\" count and \"hash\"")
                }
                seal = (UInt64(count), hash)
                return nil
            }
            let (time, event) = try object.event(schema: schema ?? 1)
            events += 1
            hasher.combine(event, at: time)
            return (time, event)
        }

        /// Checks that the file ended as its schema requires, and returns what it said.
        mutating func finish() throws(TraceLineError) -> FileSummary {
            guard let schema else {
                throw TraceLineError(problem: "the file is empty: it holds no trace", line: 0)
            }
            guard schema >= 2 else { return FileSummary(schema: schema, events: events, hash: hasher, sealed: false) }
            guard let seal else {
                throw TraceLineError(problem: "the trace ends without its closing line: it is incomplete (the run was cut "
                                     + "short or the file truncated) after \(events) events", line: lines)
            }
            guard seal.events == events, seal.hash == hasher.hexDigest else {
                throw TraceLineError(problem: "the closing line gives \(seal.events) events with hash \(seal.hash), but the file "
                                     + "holds \(events) events with hash \(hasher.hexDigest): it was edited or cut",
                                     line: lines)
            }
            return FileSummary(schema: schema, events: events, hash: hasher, sealed: true)
        }
    }
}
