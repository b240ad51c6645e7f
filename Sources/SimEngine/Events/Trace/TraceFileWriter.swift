public import SimRuntime
public import SimSupport

/// Writes a trace as JSON Lines of schema version 2 (``TraceSchema``) to a file that appears
/// only when the run completes: the header, one line per event, then the closing line with the
/// event count and hash.
///
/// Output is buffered and written in 64 KiB chunks; the first write error is kept and reported
/// by ``commit(events:hash:)``.
public final class TraceFileWriter {
    private let file: AtomicFile
    private var line = TraceLineWriter()
    private var failure: FileWriteError?

    /// Opens a trace file that will be moved to `path` on ``commit(events:hash:)``, beginning
    /// with `header`.
    public init(path: String, header: TraceHeader = TraceHeader()) throws(FileWriteError) {
        file = try AtomicFile(path: path)
        line.bytes.reserveCapacity(1 << 16)
        line.append(header.line(schema: TraceSchema.currentVersion) + "\n")
    }

    /// The line that holds `event` at `time`, without its newline.
    public static func line(for event: TraceEvent, at time: SimulationInstant) -> String {
        var line = TraceLineWriter()
        line.appendEvent(event, at: time)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    /// Appends one event as a JSON line.
    func write(_ event: TraceEvent, at time: SimulationInstant) {
        line.appendEvent(event, at: time)
        line.append("\n")
        if line.bytes.count >= 1 << 16 { flush() }
    }

    /// Writes the closing line and what is buffered, and moves the file into place.
    func commit(events: UInt64, hash: TraceHasher) throws(FileWriteError) {
        line.append("{\"\(TraceSchema.closingKey)\":\"simrun\",\"events\":\(events),\"hash\":\"\(hash.hexDigest)\"}\n")
        flush()
        if let failure { file.discard(); throw failure }
        try file.commit()
    }

    /// Removes the partial file.
    func discard() {
        file.discard()
    }

    private func flush() {
        guard failure == nil, !line.bytes.isEmpty else { return }
        do { try file.write(line.bytes) } catch { failure = error }
        line.bytes.removeAll(keepingCapacity: true)
    }
}

/// Appends an event's name and fields to a line, as schema version 2 writes them.
private struct TraceLineWriter: TraceEventVisitor, TraceFieldCoder {
    var bytes: [UInt8] = []

    mutating func appendEvent(_ event: TraceEvent, at time: SimulationInstant) {
        append("{\"t_ns\":")
        appendInteger(time.nanoseconds)
        event.accept(&self)
        append("}")
    }

    mutating func visit<Payload: TraceEventPayload>(_ payload: Payload) {
        append(",\"event\":\"")
        append(Payload.name)
        bytes.append(UInt8(ascii: "\""))
        var fields = payload
        fields.fields(&self)
    }

    mutating func field<Value: TraceValue>(_ name: StaticString, _ value: inout Value, _ meaning: StaticString,
                                         since: Int) {
        append(",\"")
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        append("\":")
        switch value.traceToken {
        case .integer(let integer): appendInteger(integer)
        case .name(let text):
            bytes.append(UInt8(ascii: "\""))
            append(text)
            bytes.append(UInt8(ascii: "\""))
        case .boolean(let flag): append(flag ? "true" : "false")
        case .null: append("null")
        }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func appendInteger(_ value: Int64) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }
}
