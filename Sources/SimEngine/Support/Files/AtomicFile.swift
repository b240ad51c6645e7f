#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in full under a temporary name and renamed into place, so that readers see
/// either the previous file or the complete new one, never a half-written one.
///
/// ```swift
/// let file = try AtomicFile(path: "reports/summary.json")
/// try file.write(Array(json.utf8))
/// try file.commit()
/// ```
public final class AtomicFile {
    /// Where the file ends up.
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32

    /// Opens a temporary file beside `path`.
    public init(path: String) throws(FileWriteError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(directory)/.\(name).\(getpid()).partial"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw FileWriteError(path: path, reason: Self.lastError()) }
    }

    deinit {
        if descriptor >= 0 { discard() }
    }

    /// Appends `bytes` to the file.
    public func write(_ bytes: [UInt8]) throws(FileWriteError) {
        precondition(descriptor >= 0, "write after commit or discard")
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc_write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: path, reason: Self.lastError())
            }
            offset += written
        }
    }

    /// Closes the file and renames it into place.
    public func commit() throws(FileWriteError) {
        precondition(descriptor >= 0, "commit after commit or discard")
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 || rename(temporaryPath, path) != 0 {
            let reason = Self.lastError()
            unlink(temporaryPath)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Closes and removes the temporary file; the destination is left untouched.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        let file = try AtomicFile(path: path)
        try file.write(Array(text.utf8))
        try file.commit()
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

@inline(__always)
private func Glibc_write(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, pointer, count)
}
