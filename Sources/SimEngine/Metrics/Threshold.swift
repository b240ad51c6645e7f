public import SimSupport
public import SimEvents

/// A service-level objective the run must meet, such as `message_delivery.p99<100ms` or
/// `delivery_ratio>=0.999`.
///
/// Latency thresholds name a metric of the run's ``MetricCatalog`` (which may carry a tag, as in
/// `message_delivery[room=large]`) and a statistic (`p50`, `p90`, `p99`, `p99.9`, `max`), and
/// need a unit (`us`, `ms`, `s`); ratio thresholds are plain numbers.
public struct Threshold: Equatable, Sendable {
    /// How the observed value is compared with the limit.
    public enum Comparison: String, Sendable, CaseIterable {
        case lessThan = "<", atMost = "<=", greaterThan = ">", atLeast = ">="

        func holds(_ observed: Double, _ limit: Double) -> Bool {
            switch self {
            case .lessThan: observed < limit
            case .atMost: observed <= limit
            case .greaterThan: observed > limit
            case .atLeast: observed >= limit
            }
        }
    }

    /// What is measured.
    public enum Measure: Equatable, Sendable {
        /// A latency statistic, in milliseconds.
        case latency(metric: String, statistic: String)
        /// Deliveries made over deliveries owed.
        case deliveryRatio
    }

    /// The statistics a latency threshold may use.
    public static let statistics = ["p50", "p90", "p99", "p99.9", "max"]

    public var measure: Measure
    public var comparison: Comparison
    /// The limit: milliseconds for latency, a plain number for ratios.
    public var limit: Double
    /// The threshold as written.
    public var text: String

    /// The metric's name as reports show it.
    public var metricName: String {
        switch measure {
        case .latency(let metric, let statistic): "\(metric).\(statistic)"
        case .deliveryRatio: "delivery_ratio"
        }
    }

    /// Parses `text` against the metrics a run can record, or says what is wrong with it and
    /// what is accepted: an unknown metric is refused with the nearest name in `catalog`.
    public static func parse(_ text: String, catalog: MetricCatalog) throws(ConfigurationError) -> Threshold {
        let trimmed = text.trimmingWhitespace()
        /// `problem`, at the 1-based character `position` of the threshold as written.
        func refuse(_ problem: String, at position: String.Index? = nil) -> ConfigurationError {
            let place = position.map { "at character \(trimmed.distance(from: trimmed.startIndex, to: $0) + 1): " } ?? ""
            return ConfigurationError(location: "--threshold '\(text)'", problem: place + problem,
                                      remedy: "write METRIC OP VALUE, such as message_delivery.p99<100ms or delivery_ratio>=0.999")
        }
        guard let operatorStart = trimmed.firstIndex(where: { $0 == "<" || $0 == ">" }) else {
            throw refuse("has no comparison (<, <=, >, >=)")
        }
        let written = trimmed[..<operatorStart]
        let nameEnd = written.lastIndex(where: { $0 != " " }).map { written.index(after: $0) } ?? written.startIndex
        if let stray = written[..<nameEnd].firstIndex(where: { !($0.isLetter || $0.isNumber || "_.[]=".contains($0)) }) {
            throw refuse("has '\(trimmed[stray])' in its metric; a metric is written like message_delivery[room=large].p99",
                         at: stray)
        }
        var operatorEnd = trimmed.index(after: operatorStart)
        if operatorEnd < trimmed.endIndex, trimmed[operatorEnd] == "=" { operatorEnd = trimmed.index(after: operatorEnd) }
        let name = String(trimmed[..<operatorStart]).trimmingWhitespace()
        guard !name.isEmpty else { throw refuse("names no metric before its comparison", at: operatorStart) }
        guard let comparison = Comparison(rawValue: String(trimmed[operatorStart..<operatorEnd])) else {
            throw refuse("has no comparison (<, <=, >, >=)", at: operatorStart)
        }
        let valueText = String(trimmed[operatorEnd...]).trimmingWhitespace()
        if name == "delivery_ratio" {
            guard let value = plainNumber(valueText), (0...1).contains(value) else {
                throw refuse("'\(valueText)' is not a ratio from 0 to 1; write a decimal such as 0.999", at: operatorEnd)
            }
            return Threshold(measure: .deliveryRatio, comparison: comparison, limit: value, text: trimmed)
        }
        // The statistic is the last part, which may itself hold a dot (p99.9).
        let statisticText = Self.statistics.sorted { $0.count > $1.count }.first { name.hasSuffix(".\($0)") }
        let metric = statisticText.map { String(name.dropLast($0.count + 1)) } ?? name
        if name.contains("..") || name.hasPrefix(".") || name.filter({ $0 == "[" }).count != name.filter({ $0 == "]" }).count {
            let doubled = zip(name.indices, name.indices.dropFirst()).first { name[$0.0] == "." && name[$0.1] == "." }?.0
            let at = doubled ?? name.firstIndex(where: { $0 == "[" || $0 == "]" || $0 == "." })
            throw refuse("'\(name)' is not a metric name: an empty part or an unclosed bracket",
                         at: at.map { trimmed.index(trimmed.startIndex, offsetBy: name.distance(from: name.startIndex, to: $0)) })
        }
        guard let statistic = statisticText, !metric.isEmpty else {
            if catalog.latency(named: name) != nil {
                throw refuse("names no statistic; add one of \(Self.statistics.joined(separator: ", ")), as in \(name).p99")
            }
            let written = name.split(separator: ".").last.map(String.init) ?? name
            throw refuse("unknown statistic '\(written)'; accepted: \(Self.statistics.joined(separator: ", "))")
        }
        guard catalog.latency(named: metric) != nil else {
            let nearest = catalog.nearestName(to: metric).map { " Did you mean '\($0)'?" } ?? ""
            throw refuse("unknown metric '\(metric)'.\(nearest) This run records: "
                         + (catalog.names + ["delivery_ratio"]).joined(separator: ", "))
        }
        guard let duration = DurationText.parse(valueText) else {
            throw refuse("'\(valueText)' is not a latency; give a number and a unit (us, ms, s)", at: operatorEnd)
        }
        return Threshold(measure: .latency(metric: metric, statistic: statistic), comparison: comparison,
                         limit: Double(duration.wholeNanoseconds) / 1e6, text: trimmed)
    }

    /// `text` as a number if it is a plain decimal (`0.999`, `1`, `2.5e-3`): no hexadecimal, no
    /// infinity, no sign.
    private static func plainNumber(_ text: String) -> Double? {
        var digits = 0
        var sawExponent = false
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": guard !sawExponent else { return nil }
            case "e", "E": guard digits > 0, !sawExponent else { return nil }; sawExponent = true
            case "+", "-": guard sawExponent, index > 0, "eE".contains(text[text.index(text.startIndex, offsetBy: index - 1)]) else {
                return nil
            }
            default: return nil
            }
        }
        guard digits > 0, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The observed value in `latency` and delivery counts, or nil if the run has no such value.
    public func observed(latency: [String: LatencySummary], delivered: Int, owed: Int) -> Double? {
        switch measure {
        case .deliveryRatio:
            return owed == 0 ? 1 : Double(delivered) / Double(owed)
        case .latency(let metric, let statistic):
            guard let summary = latency[metric], summary.count > 0 else { return nil }
            switch statistic {
            case "p50": return summary.p50Ms
            case "p90": return summary.p90Ms
            case "p99": return summary.p99Ms
            case "p99.9": return summary.p999Ms
            default: return summary.maxMs
            }
        }
    }

    /// Whether the limit holds for `observed`; a value the run never produced fails.
    public func holds(for observed: Double?) -> Bool {
        guard let observed else { return false }
        return comparison.holds(observed, limit)
    }
}
