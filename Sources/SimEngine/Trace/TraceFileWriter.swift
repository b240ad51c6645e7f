/// Writes trace events as JSON Lines to a file that appears only when the run completes.
///
/// Each line is `{"t_ns":…,"event":"…",<fields>}`. Output is buffered and written in 64 KiB
/// chunks; the first write error is kept and reported by ``commit()``.
public final class TraceFileWriter {
    private let file: AtomicFile
    private var buffer: [UInt8] = []
    private var failure: ReportError?

    /// Opens a trace file that will be moved to `path` on ``commit()``.
    public init(path: String) throws(ReportError) {
        file = try AtomicFile(path: path)
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends one event as a JSON line.
    func write(_ event: TraceEvent, at time: SimulationInstant) {
        append("{\"t_ns\":")
        appendInteger(time.nanoseconds)
        append(",\"event\":\"")
        append(event.name)
        buffer.append(UInt8(ascii: "\""))
        event.forEachField { name, value in
            append(",\"")
            append(name)
            append("\":")
            appendInteger(value)
        }
        append("}\n")
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered and moves the file into place.
    func commit() throws(ReportError) {
        flush()
        if let failure { file.discard(); throw failure }
        try file.commit()
    }

    /// Removes the partial file.
    func discard() {
        file.discard()
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do { try file.write(buffer) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private func appendInteger(_ value: Int64) {
        if value == 0 { buffer.append(UInt8(ascii: "0")); return }
        var magnitude = value.magnitude
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { storage in
            while magnitude > 0 {
                storage[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(storage[index]) }
        }
    }
}
