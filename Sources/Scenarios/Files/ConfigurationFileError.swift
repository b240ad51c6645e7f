/// Why a configuration file could not be used: which file, where in it, and what to do.
public struct ConfigurationFileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file's path as given.
    public var file: String
    /// The line, from 1, when known.
    public var line: Int?
    /// The key path of the offending value, such as `system.gateway.nodes`; empty for the
    /// file as a whole.
    public var keyPath: String
    /// What is wrong and what is accepted.
    public var problem: String

    public init(file: String, line: Int?, keyPath: String, problem: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.problem = problem
    }

    /// `file:line: key.path: problem`, as compilers write it.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(place): \(problem)" : "\(place): \(keyPath): \(problem)"
    }
}
