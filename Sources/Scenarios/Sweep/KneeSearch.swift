/// The search for a knee: the largest value of a load parameter (clients, say) at which a run
/// still meets every SLO, by bisection over a range, assuming that more load never helps.
///
/// An I/O-free state machine: ``next()`` says which value to run, ``record(_:passed:)`` takes
/// the verdict, and the search ends when the passing and failing values are within
/// ``resolution`` of each other.
///
/// ```swift
/// var search = KneeSearch(range: 1_000...50_000, resolution: 500)
/// while let clients = search.next() { search.record(clients, passed: run(clients)) }
/// print(search.outcome)   // .within(knee: 38_250) say
/// ```
public struct KneeSearch: Equatable, Sendable {
    /// Where the knee lies.
    public enum Outcome: Equatable, Sendable {
        /// Even the range's lowest value fails.
        case below
        /// The largest value that passed, with the smallest that failed above it.
        case within(knee: Int, firstFailing: Int)
        /// Even the range's highest value passes.
        case above
    }

    /// The values searched.
    public let range: ClosedRange<Int>
    /// How close the passing and failing values must come.
    public let resolution: Int
    private var highestPassing: Int?
    private var lowestFailing: Int?
    private var pending: Int?

    public init(range: ClosedRange<Int>, resolution: Int) {
        self.range = range
        self.resolution = Swift.max(1, resolution)
    }

    /// The next value to run, or nil when the search is over.
    public mutating func next() -> Int? {
        if let pending { return pending }
        let value: Int?
        switch (highestPassing, lowestFailing) {
        case (nil, nil): value = range.lowerBound
        case (let passing?, nil): value = passing == range.upperBound ? nil : range.upperBound
        case (nil, _): value = nil
        case (let passing?, let failing?): value = failing - passing <= resolution ? nil : passing + (failing - passing) / 2
        }
        pending = value
        return value
    }

    /// Takes the verdict of the run at `value`, the value ``next()`` gave.
    public mutating func record(_ value: Int, passed: Bool) {
        precondition(value == pending, "record the value next() gave")
        pending = nil
        if passed { highestPassing = Swift.max(highestPassing ?? value, value) } else {
            lowestFailing = Swift.min(lowestFailing ?? value, value)
        }
    }

    /// Where the knee lies; meaningful once ``next()`` returns nil.
    public var outcome: Outcome {
        switch (highestPassing, lowestFailing) {
        case (let passing?, let failing?): .within(knee: passing, firstFailing: failing)
        case (_?, nil): .above
        case (nil, _): .below
        }
    }
}
