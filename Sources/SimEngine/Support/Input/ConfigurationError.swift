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

extension ConfigurationError {
    /// Throws unless `value` lies in `range`: counts such as clients, rooms or nodes have an
    /// upper bound as well as a lower one, so that no value can overflow the arithmetic built on
    /// it or ask for more than a machine holds.
    ///
    /// - Parameter unit: what is counted, quoted in the remedy (`"gateway nodes"`).
    public static func requireCount(_ value: Int, in range: ClosedRange<Int>, at location: String,
                                    unit: String) throws(ConfigurationError) {
        guard !range.contains(value) else { return }
        throw ConfigurationError(location: location,
                                 problem: "must be between \(grouped(range.lowerBound)) and \(grouped(range.upperBound)), got \(grouped(value))",
                                 remedy: "give a number of \(unit) in that range")
    }

    /// Throws unless `value` is a finite number in `range`.
    public static func requireNumber(_ value: Double, in range: ClosedRange<Double>, at location: String,
                                     unit: String) throws(ConfigurationError) {
        guard value.isFinite, range.contains(value) else {
            throw ConfigurationError(location: location,
                                     problem: "must be a number from \(range.lowerBound) to \(range.upperBound), got \(value)",
                                     remedy: "give \(unit) in that range")
        }
    }

    /// Throws unless `value` lies in `range`; durations print as they are written (`250ms`).
    public static func requireDuration(_ value: Duration, in range: ClosedRange<Duration>,
                                       at location: String) throws(ConfigurationError) {
        guard !range.contains(value) else { return }
        throw ConfigurationError(location: location,
                                 problem: "must be from \(DurationText.format(range.lowerBound)) to \(DurationText.format(range.upperBound)), got \(DurationText.format(value))",
                                 remedy: "give a duration in that range")
    }

    /// `1234567` as `1,234,567`.
    private static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }
}

extension ConfigurationError {
    /// The longest duration any parameter may have: 30 days, far beyond any run, and far below
    /// where nanosecond arithmetic on it could overflow.
    public static let longest: Duration = .seconds(30 * 86_400)
}
