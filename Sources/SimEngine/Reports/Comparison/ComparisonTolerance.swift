public import SimSupport

/// How much worse a metric may get before `simrun compare` calls it a regression, as
/// `--tolerance METRIC=+10%` gives it: a metric as the comparison names it
/// (`message_delivery.p99`, `delivery_ratio`), or `default` for every metric not named.
///
/// Latencies get worse by growing, `delivery_ratio` by shrinking; the percentage is of the
/// baseline's value either way.
public struct ComparisonTolerance: Equatable, Sendable {
    /// The metric it applies to, or `default`.
    public var metric: String
    /// How much worse the metric may get, in percent of the baseline.
    public var percent: Double

    public init(metric: String, percent: Double) {
        self.metric = metric
        self.percent = percent
    }

    /// What a latency may grow by when no tolerance names it or `default`: 10 %.
    public static let latencyDefault = 10.0
    /// What `delivery_ratio` may shrink by when no tolerance names it: 0.1 % (0.999 to 0.998).
    public static let ratioDefault = 0.1

    /// Parses `METRIC=+N%` (the `+` and the `%` optional), or says what is wrong.
    public static func parse(_ text: String) throws(ConfigurationError) -> ComparisonTolerance {
        func refuse(_ problem: String) -> ConfigurationError {
            ConfigurationError(location: "--tolerance '\(text)'", problem: problem,
                               remedy: "write METRIC=+PERCENT%, such as message_delivery.p99=+10% or default=+5%")
        }
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
        guard parts.count == 2, !parts[0].isEmpty else { throw refuse("names no metric before '='") }
        var value = Substring(parts[1])
        if value.hasPrefix("+") { value = value.dropFirst() }
        if value.hasSuffix("%") { value = value.dropLast() }
        guard !value.isEmpty, value.allSatisfy({ $0.isNumber || $0 == "." }), let percent = Double(value), percent.isFinite,
              percent <= 1_000_000 else {
            throw refuse("'\(parts[1])' is not a percentage of 0 or more")
        }
        return ComparisonTolerance(metric: parts[0], percent: percent)
    }
}
