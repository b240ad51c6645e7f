public import SimSupport
public import SimEvents

/// A service-level objective the run must meet, such as `message_delivery.p99<100ms`,
/// `delivery_ratio>=0.999` or `messages.lost==0`.
///
/// - Latency thresholds name a metric of the run's ``MetricCatalog`` (which may carry a tag, as
///   in `message_delivery[room=large]`) and a statistic (`avg`, `p50`, `p90`, `p95`, `p99`,
///   `p99.9`, `max`), and need a unit (`us`, `ms`, `s`).
/// - `delivery_ratio` is deliveries made over deliveries owed, a plain number from 0 to 1.
/// - `messages.NAME` is one of the run's message counts (``MessageCounts/names``), a whole
///   number; `messages.NAME.rate` is that count per second of the run, written with or without
///   `/s`.
public struct Threshold: Equatable, Sendable {
    /// How the observed value is compared with the limit.
    public enum Comparison: String, Sendable, CaseIterable {
        case lessThan = "<", atMost = "<=", greaterThan = ">", atLeast = ">=", equal = "=="

        func holds(_ observed: Double, _ limit: Double) -> Bool {
            switch self {
            case .lessThan: observed < limit
            case .atMost: observed <= limit
            case .greaterThan: observed > limit
            case .atLeast: observed >= limit
            case .equal: observed == limit
            }
        }
    }

    /// What is measured.
    public enum Measure: Equatable, Sendable {
        /// A latency statistic, in milliseconds.
        case latency(metric: String, statistic: String)
        /// Deliveries made over deliveries owed.
        case deliveryRatio
        /// One of the message counts (``MessageCounts/names``).
        case count(String)
        /// One of the message counts per second of the run.
        case rate(String)
    }

    /// The statistics a latency threshold may use.
    public static let statistics = ["avg", "p50", "p90", "p95", "p99", "p99.9", "max"]

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
        case .count(let name): "messages.\(name)"
        case .rate(let name): "messages.\(name).rate"
        }
    }

    /// The unit of the observed value and the limit, as reports print it after a number: `ms`
    /// for latencies, `/s` for rates, nothing for ratios and counts.
    public var unit: String {
        switch measure {
        case .latency: "ms"
        case .rate: "/s"
        case .deliveryRatio, .count: ""
        }
    }

    /// `value`, a figure of this threshold's measure, as reports print it (see
    /// ``text(of:unit:metric:)``).
    public func format(_ value: Double) -> String { Self.text(of: value, unit: unit, metric: metricName) }

    /// `value`, a figure of `metric` in `unit`, as reports print it: latencies and rates to two
    /// decimals, `delivery_ratio` to four (0.9955 must not read as 1.00), counts whole, each
    /// followed by its unit (`125.40 ms`, `1200.00/s`, `0.9955`, `3`). A nil unit is that of a
    /// result written before units were recorded, when every threshold but the ratio was a
    /// latency.
    public static func text(of value: Double, unit: String?, metric: String) -> String {
        let unit = unit ?? (metric == "delivery_ratio" ? "" : "ms")
        var digits = unit.isEmpty ? (metric == "delivery_ratio" ? 4 : 0) : 2
        if unit == "ms", value != 0, value.magnitude < 1 {
            // Microsecond limits keep three significant digits: 0.00100 ms, not 0.00 ms.
            var shown = value.magnitude
            while shown < 1, digits < 6 {
                shown *= 10
                digits += 1
            }
        }
        let number = DecimalText.fixed(value, digits: digits)
        switch unit {
        case "": return number
        case "/s": return number + "/s"
        default: return number + " " + unit
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
                                      remedy: "write METRIC OP VALUE, such as message_delivery.p99<100ms, delivery_ratio>=0.999 or messages.lost==0")
        }
        // The comparison is the first <, > or = outside a tag's brackets (or the first < or >
        // after an unclosed one, which the name's check then refuses).
        var depth = 0
        let outside = trimmed.firstIndex { character in
            if character == "[" { depth += 1 } else if character == "]" { depth -= 1 }
            return depth == 0 && "<>=".contains(character)
        }
        guard let operatorStart = outside ?? trimmed.firstIndex(where: { $0 == "<" || $0 == ">" }) else { throw refuse("has no comparison (<, <=, >, >=, ==)") }
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
            throw refuse("'\(trimmed[operatorStart..<operatorEnd])' is not a comparison; write <, <=, >, >= or ==",
                         at: operatorStart)
        }
        let valueText = String(trimmed[operatorEnd...]).trimmingWhitespace()
        if name == "delivery_ratio" {
            guard let value = plainNumber(valueText), (0...1).contains(value) else {
                throw refuse("'\(valueText)' is not a ratio from 0 to 1; write a decimal such as 0.999", at: operatorEnd)
            }
            return Threshold(measure: .deliveryRatio, comparison: comparison, limit: value, text: trimmed)
        }
        if name.hasPrefix("messages.") {
            return try parseCount(name, valueText, comparison: comparison, text: trimmed) { refuse($0, at: $1 ? operatorEnd : nil) }
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

    /// A threshold on a message count or rate, `name` being `messages.NAME` or
    /// `messages.NAME.rate`; `refuse` makes the error (at the value when its flag is set).
    private static func parseCount(_ name: String, _ valueText: String, comparison: Comparison, text: String,
                                   refuse: (String, Bool) -> ConfigurationError) throws(ConfigurationError) -> Threshold {
        var count = String(name.dropFirst("messages.".count))
        let isRate = count.hasSuffix(".rate")
        if isRate { count.removeLast(".rate".count) }
        guard MessageCounts.names.contains(count) else {
            throw refuse("unknown message count '\(count)'; accepted: "
                         + MessageCounts.names.map { "messages.\($0)" }.joined(separator: ", ") + ", each also as messages.NAME.rate",
                         false)
        }
        if isRate {
            let number = valueText.hasSuffix("/s") ? String(valueText.dropLast(2)).trimmingWhitespace() : valueText
            guard let value = plainNumber(number) else {
                throw refuse("'\(valueText)' is not a rate; write a number of messages per second such as 1000/s", true)
            }
            return Threshold(measure: .rate(count), comparison: comparison, limit: value, text: text)
        }
        guard let value = plainNumber(valueText), value == value.rounded() else {
            throw refuse("'\(valueText)' is not a count; write a whole number such as 0", true)
        }
        return Threshold(measure: .count(count), comparison: comparison, limit: value, text: text)
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

    /// The observed value in a run's (or several runs') `latency` summaries and `messages`
    /// counts over `seconds` of run, or nil if the run has no such value.
    public func observed(latency: [String: LatencySummary], messages: MessageCounts, seconds: Double) -> Double? {
        switch measure {
        case .deliveryRatio:
            let owed = messages.expectedDeliveries
            return owed == 0 ? 1 : Double(messages.delivered - messages.duplicates) / Double(owed)
        case .latency(let metric, let statistic):
            guard let summary = latency[metric], summary.count > 0 else { return nil }
            return summary.value(of: statistic)
        case .count(let name):
            return messages.count(named: name).map(Double.init)
        case .rate(let name):
            guard seconds > 0, let count = messages.count(named: name) else { return nil }
            return Double(count) / seconds
        }
    }

    /// Whether the limit holds for `observed`; a value the run never produced fails.
    public func holds(for observed: Double?) -> Bool {
        guard let observed else { return false }
        return comparison.holds(observed, limit)
    }
}
