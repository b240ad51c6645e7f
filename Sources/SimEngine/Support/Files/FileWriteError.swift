/// A file (a report, a trace) could not be written.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What the operating system said.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
