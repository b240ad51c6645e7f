/// A trace file could not be read: where and why.
public struct TraceReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line, from 1; 0 when the file itself could not be opened.
    public var line: Int
    /// What is wrong.
    public var problem: String

    public init(path: String, line: Int, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var description: String {
        line == 0 ? "\(path): \(problem)" : "\(path):\(line): \(problem)"
    }
}
