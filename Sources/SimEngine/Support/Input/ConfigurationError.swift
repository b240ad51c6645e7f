/// A problem with a scenario's configuration: what is wrong, where, and how to fix it.
///
/// The command line prints it and exits with code 64 (bad input) before anything is written.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the problem is: a key path such as `rooms.count` or a flag such as `--duration`.
    public var location: String
    /// What is wrong.
    public var problem: String
    /// What is accepted instead.
    public var remedy: String

    public init(location: String, problem: String, remedy: String) {
        self.location = location
        self.problem = problem
        self.remedy = remedy
    }

    public var description: String { "\(location): \(problem); \(remedy)" }
}

extension ConfigurationError {
    /// Throws unless `value` is a share: a finite number from 0 to 1.
    ///
    /// - Parameter example: a typical value, quoted in the remedy.
    public static func requireShare(_ value: Double, at location: String, example: String) throws(ConfigurationError) {
        guard value.isFinite, (0...1).contains(value) else {
            throw ConfigurationError(location: location, problem: "must be between 0 and 1, got \(value)",
                                     remedy: "give a share such as \(example)")
        }
    }
}
