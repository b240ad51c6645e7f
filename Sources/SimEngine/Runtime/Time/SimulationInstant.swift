public import SimSupport

/// A point in a run's time, in whole nanoseconds since the run started.
///
/// In simulation mode this is virtual time, advanced only by the scheduler; in live mode it is
/// the wall clock measured from the start of the run. Integer nanoseconds keep arithmetic exact,
/// so virtual-time results are reproducible bit for bit.
@frozen
public struct SimulationInstant: InstantProtocol, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Nanoseconds since the start of the run.
    public var nanoseconds: Int64

    /// The instant at which every run starts.
    @inlinable public static var start: SimulationInstant { SimulationInstant(nanoseconds: 0) }

    /// Creates the instant `nanoseconds` after the start of the run.
    @inlinable
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    @inlinable
    public func advanced(by duration: Duration) -> SimulationInstant {
        let (sum, overflow) = nanoseconds.addingReportingOverflow(duration.wholeNanoseconds)
        return SimulationInstant(nanoseconds: overflow ? (duration < .zero ? .min : .max) : sum)
    }

    @inlinable
    public func duration(to other: SimulationInstant) -> Duration {
        .nanoseconds(other.nanoseconds - nanoseconds)
    }

    @inlinable
    public static func < (lhs: SimulationInstant, rhs: SimulationInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// Seconds since the start of the run.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// The instant as exact decimal seconds from the start of the run, such as `6.000000001 s`.
    public var description: String { DurationText.seconds(nanoseconds: nanoseconds) }
}
