#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line in bounded memory: a line longer than the limit is reported as
/// soon as the limit is passed, never read whole, so that a file with no line breaks (such as
/// `/dev/zero`) cannot make the reader grow without end.
struct LineReader: ~Copyable {
    /// A line went past the limit.
    struct TooLong: Error {
        /// The line's number, from 1.
        var line: Int
    }

    private let file: UnsafeMutablePointer<FILE>
    private let limit: Int
    /// Bytes read from the file and not yet handed out, at `start..<end`.
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    /// The line being assembled when it spans chunks.
    private var pending: [UInt8] = []
    private var atEnd = false
    /// Lines handed out so far.
    private(set) var number = 0

    /// - Parameter limit: the most bytes a line may hold, its line break not counted.
    init(file: UnsafeMutablePointer<FILE>, limit: Int) {
        self.file = file
        self.limit = limit
        chunk = .allocate(capacity: 1 << 16)
    }

    deinit { chunk.deallocate() }

    /// Calls `body` with the next line (without its line break) and its number, or returns false
    /// at the end of the file.
    mutating func next<E: Error>(_ body: (UnsafeBufferPointer<UInt8>, Int) throws(E) -> Void) throws(LineReader.Failure<E>) -> Bool {
        pending.removeAll(keepingCapacity: true)
        while true {
            if start == end {
                if atEnd { break }
                let count = fread(chunk.baseAddress!, 1, chunk.count, file)
                (start, end) = (0, count)
                if count == 0 {
                    atEnd = true
                    break
                }
            }
            let available = UnsafeBufferPointer(rebasing: chunk[start..<end])
            if let newline = available.firstIndex(of: UInt8(ascii: "\n")) {
                let piece = UnsafeBufferPointer(rebasing: available[..<newline])
                start += piece.count + 1
                number += 1
                guard pending.count + piece.count <= limit else { throw .tooLong(TooLong(line: number)) }
                if pending.isEmpty {
                    do { try body(piece, number) } catch { throw .body(error) }
                } else {
                    pending.append(contentsOf: piece)
                    do { try pending.withUnsafeBufferPointer { (line) throws(E) in try body(line, number) } } catch { throw .body(error) }
                }
                return true
            }
            pending.append(contentsOf: available)
            start = end
            guard pending.count <= limit else { throw .tooLong(TooLong(line: number + 1)) }
        }
        // The last line, without a line break.
        guard !pending.isEmpty else { return false }
        number += 1
        do { try pending.withUnsafeBufferPointer { (line) throws(E) in try body(line, number) } } catch { throw .body(error) }
        return true
    }

    /// Why reading stopped: a line too long, or an error from the caller's body.
    enum Failure<E: Error>: Error {
        case tooLong(TooLong)
        case body(E)
    }
}
