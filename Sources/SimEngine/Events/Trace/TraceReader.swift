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
/// print(file.header.scenario, file.events)
/// ```
///
/// A trace begins with its header and its promises (`check_parameters`, once), its times never
/// go backwards, and it ends with the closing line whose event count and hash its events must
/// add up to. Anything else is an error that names the line, except that
/// ``Options/allowUnsealed`` judges a trace without header or closing line (schema version 1, a
/// hand-written or an edited one) and says so.
public enum TraceReader {
    /// How strictly to read.
    public struct Options: Sendable {
        /// Read a trace without a header or a closing line, or whose closing line does not add up.
        public var allowUnsealed: Bool
        /// The longest line accepted, in bytes.
        public var maximumLineBytes: Int

        public init(allowUnsealed: Bool = false, maximumLineBytes: Int = 4_096) {
            self.allowUnsealed = allowUnsealed
            self.maximumLineBytes = maximumLineBytes
        }
    }

    /// Whether a trace's closing line vouched for it.
    public enum Seal: Equatable, Sendable {
        /// The closing line's count and hash are those of the events read.
        case verified
        /// The trace has no closing line (schema version 1, hand-written, or cut short).
        case absent
        /// The closing line gives other figures: the file was edited.
        case mismatched(String)
    }

    /// What a trace file said about itself.
    public struct FileSummary: Equatable, Sendable {
        /// The schema version it was written in.
        public var schema: Int
        /// What its first line says of the run.
        public var header: TraceHeader
        /// The events it holds.
        public var events: UInt64
        /// The hash of its events, as the run computed it.
        public var hash: TraceHasher
        /// Whether its closing line vouched for it.
        public var seal: Seal

        /// Whether the closing line vouched for every event.
        public var sealed: Bool { seal == .verified }
    }

    /// Calls `body` with every event of the file at `path`, in order.
    @discardableResult
    public static func read(path: String, options: Options = Options(),
                            _ body: (SimulationInstant, TraceEvent) -> Void) throws(TraceReadError) -> FileSummary {
        var directory = stat()
        if stat(path, &directory) == 0, (directory.st_mode & S_IFMT) == S_IFDIR {
            throw TraceReadError(path: path, line: 0, problem: "is a folder, not a trace file; give the path of a trace.jsonl")
        }
        guard let file = fopen(path, "r") else {
            throw TraceReadError(path: path, line: 0, problem: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var lines = LineReader(file: file, limit: options.maximumLineBytes)
        var reading = Reading(options: options)
        do throws(LineReader.Failure<TraceLineError>) {
            while try lines.next({ (bytes, number) throws(TraceLineError) in
                if let event = try reading.line(bytes, number: number) { body(event.0, event.1) }
            }) {}
        } catch {
            switch error {
            case .tooLong(let long):
                throw TraceReadError(path: path, line: long.line,
                                     problem: "is longer than \(options.maximumLineBytes) bytes, the most a trace line holds; "
                                         + "this is not a trace written by simrun")
            case .body(let problem):
                throw TraceReadError(path: path, line: problem.line ?? lines.number, problem: problem.problem)
            }
        }
        do throws(TraceLineError) {
            return try reading.finish(lines: lines.number)
        } catch {
            throw TraceReadError(path: path, line: error.line ?? lines.number, problem: error.problem)
        }
    }

    /// Reads every event of `text`, a whole trace, in order: for tests and small traces.
    public static func events(in text: String, options: Options = Options()) throws(TraceReadError)
        -> [(SimulationInstant, TraceEvent)] {
        var reading = Reading(options: options)
        var events: [(SimulationInstant, TraceEvent)] = []
        var number = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do throws(TraceLineError) {
            for line in lines {
                number += 1
                var bytes = Array(line.utf8)
                if let event = try bytes.withUnsafeMutableBufferPointer({ (buffer) throws(TraceLineError) in
                    try reading.line(UnsafeBufferPointer(buffer), number: number)
                }) {
                    events.append(event)
                }
            }
            _ = try reading.finish(lines: number)
        } catch {
            throw TraceReadError(path: "trace", line: error.line ?? number, problem: error.problem)
        }
        return events
    }

    /// The schema version of the trace at `path`, from its first line: 1 without a header.
    public static func schema(ofFile path: String) -> Int {
        guard let file = fopen(path, "r") else { return TraceSchema.currentVersion }
        defer { fclose(file) }
        var lines = LineReader(file: file, limit: Options().maximumLineBytes)
        var version = TraceSchema.currentVersion
        _ = try? lines.next { (bytes, _) throws(Never) in
            guard let object = try? FlatObject.parse(bytes),
                  case .integer(let number)? = object.value(of: "schema"), object.value(of: TraceSchema.headerKey) != nil else {
                version = 1
                return
            }
            version = Int(truncatingIfNeeded: number)
        }
        return version
    }

    /// What is wrong with one line, or, with `line`, with an earlier one.
    struct TraceLineError: Error {
        var problem: String
        var line: Int?
    }

    /// The state of reading one file: its schema, what it held so far, and whether it is closed.
    struct Reading {
        let options: Options
        private(set) var schema: Int?
        private var header = TraceHeader()
        private var hasher = TraceHasher()
        private var events: UInt64 = 0
        private var lastTime: Int64 = .min
        private var seal: (events: UInt64, hash: String)?
        private var firstLine: Int?

        init(options: Options) {
            self.options = options
        }

        /// Takes line `number`; returns its event, if it is one.
        mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) throws(TraceLineError)
            -> (SimulationInstant, TraceEvent)? {
            guard bytes.count <= options.maximumLineBytes else {
                throw TraceLineError(problem: "is \(bytes.count) bytes long; a trace line holds at most "
                                     + "\(options.maximumLineBytes)")
            }
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                return nil
            }
            let isFirst = firstLine == nil
            if isFirst { firstLine = number }
            guard seal == nil else {
                throw TraceLineError(problem: "comes after the trace's closing line; the file was edited or two traces were joined")
            }
            let object = try FlatObject.parse(bytes)
            if object.value(of: TraceSchema.headerKey) != nil {
                guard isFirst else {
                    throw TraceLineError(problem: "is a header, but a trace has one header, on its first line (line "
                                         + "\(firstLine ?? 1)); the file was edited or two traces were joined")
                }
                try readHeader(object)
                return nil
            }
            if isFirst {
                guard options.allowUnsealed else {
                    throw TraceLineError(problem: "is not a header: a trace written by simrun begins with "
                                         + "{\"trace\":\"simrun\",\"schema\":2,…}. A trace of schema version 1, a "
                                         + "hand-written or an edited one is checked with --allow-unsealed")
                }
                // Schema version 1 had no header: the first line is already an event.
                schema = 1
            }
            if object.value(of: TraceSchema.closingKey) != nil {
                guard case .integer(let count)? = object.value(of: "events"), count >= 0,
                      case .name(let hash)? = object.value(of: "hash") else {
                    throw TraceLineError(problem: "is a closing line without its \"events\" count and \"hash\"")
                }
                seal = (UInt64(count), hash)
                return nil
            }
            let (time, event) = try object.event(schema: schema ?? 1)
            guard time.nanoseconds >= lastTime else {
                throw TraceLineError(problem: "goes back in time: t_ns \(time.nanoseconds) after \(lastTime) on the event "
                                     + "before; a trace's times never decrease")
            }
            lastTime = time.nanoseconds
            let isPromises = if case .checkParameters = event { true } else { false }
            if events == 0, !isPromises {
                throw TraceLineError(problem: "is the first event, '\(event.name)'; a trace's first event is "
                                     + "check_parameters, the promises its checkers hold the run to")
            }
            if events > 0, isPromises {
                throw TraceLineError(problem: "gives check_parameters again; a trace gives its promises once, first")
            }
            events += 1
            hasher.combine(event, at: time)
            return (time, event)
        }

        private mutating func readHeader(_ object: FlatObject) throws(TraceLineError) {
            guard object.value(of: TraceSchema.headerKey) == .name("simrun"),
                  case .integer(let version)? = object.value(of: "schema") else {
                throw TraceLineError(problem: "is not a simrun trace header; expected {\"trace\":\"simrun\",\"schema\":2,…}")
            }
            guard TraceSchema.readableVersions.contains(Int(truncatingIfNeeded: version)) else {
                throw TraceLineError(problem: "is a trace of schema version \(version); this simrun reads versions "
                                     + "\(TraceSchema.readableVersions.lowerBound) to \(TraceSchema.readableVersions.upperBound)")
            }
            schema = Int(version)
            header = TraceHeader(object)
        }

        /// Checks that the file, `lines` long, ended as it must, and returns what it said.
        mutating func finish(lines: Int) throws(TraceLineError) -> FileSummary {
            guard let schema else {
                throw TraceLineError(problem: "the file is empty: it holds no trace", line: 0)
            }
            guard events > 0 else {
                throw TraceLineError(problem: "the trace holds no events, not even its promises (check_parameters)",
                                     line: lines)
            }
            var summary = FileSummary(schema: schema, header: header, events: events, hash: hasher, seal: .verified)
            guard let seal else {
                summary.seal = .absent
                if options.allowUnsealed { return summary }
                throw TraceLineError(problem: "incomplete trace: \(events) events and no closing line; the run was "
                                     + "interrupted or the file was cut (check it anyway with --allow-unsealed)", line: lines)
            }
            guard seal.events == events, seal.hash == hasher.hexDigest else {
                let problem = "the closing line gives \(seal.events) events with hash \(seal.hash), but the file holds \(events) "
                    + "events with hash \(hasher.hexDigest): it was edited or cut"
                summary.seal = .mismatched(problem)
                if options.allowUnsealed { return summary }
                throw TraceLineError(problem: problem + " (check it anyway with --allow-unsealed)", line: lines)
            }
            return summary
        }
    }
}
