/// The sequence numbers of one room a member has accounted for, delivered or reported missing:
/// everything up to a watermark, and a few ranges above it that came out of order. Memory is
/// constant while a member receives in order, which a correct system always does.
///
/// ```swift
/// var seen = AccountedSequences(after: 10)
/// seen.insert(11...11)   // the watermark moves to 11
/// seen.insert(14...15)   // held above it until 12 and 13 are accounted for
/// seen.unaccounted(upTo: 15)   // [12...13]
/// ```
struct AccountedSequences: Equatable, Sendable {
    /// Every sequence number up to here is accounted for.
    private(set) var watermark: Int
    /// Accounted ranges above the watermark, ascending, disjoint and not touching.
    private var above: [ClosedRange<Int>] = []

    /// Nothing after `start` is accounted for yet.
    init(after start: Int) {
        watermark = start
    }

    /// Whether `sequence` is accounted for.
    func contains(_ sequence: Int) -> Bool {
        sequence <= watermark || above.contains { $0.contains(sequence) }
    }

    /// How many of `range` are accounted for already.
    func overlap(with range: ClosedRange<Int>) -> Int {
        var count = Swift.max(0, Swift.min(range.upperBound, watermark) - range.lowerBound + 1)
        for accounted in above where accounted.overlaps(range) {
            count += accounted.clamped(to: range).count
        }
        return count
    }

    /// Accounts for `range`; returns how many of it were not accounted for before.
    @discardableResult
    mutating func insert(_ range: ClosedRange<Int>) -> Int {
        guard range.upperBound > watermark else { return 0 }
        if above.isEmpty, range.lowerBound <= watermark + 1 {
            // In order, the common case: the watermark moves and nothing is allocated.
            let added = range.upperBound - watermark
            watermark = range.upperBound
            return added
        }
        let range = Swift.max(range.lowerBound, watermark + 1)...range.upperBound
        let added = range.count - overlap(with: range)
        guard added > 0 else { return 0 }
        var merged = range
        var kept: [ClosedRange<Int>] = []
        for accounted in above {
            if accounted.upperBound + 1 < merged.lowerBound || merged.upperBound + 1 < accounted.lowerBound {
                kept.append(accounted)
            } else {
                merged = Swift.min(merged.lowerBound, accounted.lowerBound)...Swift.max(merged.upperBound, accounted.upperBound)
            }
        }
        kept.append(merged)
        kept.sort { $0.lowerBound < $1.lowerBound }
        while let first = kept.first, first.lowerBound == watermark + 1 {
            watermark = first.upperBound
            kept.removeFirst()
        }
        above = kept
        return added
    }

    /// The ranges up to `limit` not accounted for, ascending.
    func unaccounted(upTo limit: Int) -> [ClosedRange<Int>] {
        var missing: [ClosedRange<Int>] = []
        var next = watermark + 1
        for accounted in above where accounted.lowerBound <= limit {
            if accounted.lowerBound > next { missing.append(next...(accounted.lowerBound - 1)) }
            next = accounted.upperBound + 1
        }
        if next <= limit { missing.append(next...limit) }
        return missing
    }
}
