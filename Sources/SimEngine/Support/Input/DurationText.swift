/// Reads and writes durations as people type them: `90s`, `5m`, `1h30m`, `250ms`, `1.5s`.
///
/// Units: `ns`, `us`, `ms`, `s`, `m`, `h`. Several parts add up; a bare number is not accepted,
/// so a duration is never misread in the wrong unit.
public enum DurationText {
    /// The units accepted, with their length in nanoseconds.
    package static let units: [(suffix: String, nanoseconds: Double)] = [
        ("ns", 1), ("us", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    /// Parses `text`, or returns nil if it is not a duration.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.trimmingWhitespace())
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter }
            guard let unit = units.first(where: { $0.suffix == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.nanoseconds
        }
        guard total.isFinite, total < 9.2e18 else { return nil }
        return .nanoseconds(Int64(total.rounded()))
    }

    /// `nanoseconds` as exact decimal seconds, as findings print times and spans: `6.000000001 s`,
    /// `0.25 s`, `90 s`, `-1.5 s`. No rounding, no binary fraction.
    public static func seconds(nanoseconds: Int64) -> String {
        let sign = nanoseconds < 0 ? "-" : ""
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        var fraction = String(magnitude % 1_000_000_000)
        guard fraction != "0" else { return "\(sign)\(whole) s" }
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction) s"
    }

    /// Formats `duration` in the largest unit that keeps it whole (`90s`, `5m`, `250ms`).
    public static func format(_ duration: Duration) -> String {
        let nanoseconds = duration.wholeNanoseconds
        if nanoseconds == 0 { return "0s" }
        for unit in units.reversed() where nanoseconds % Int64(unit.nanoseconds) == 0 {
            return "\(nanoseconds / Int64(unit.nanoseconds))\(unit.suffix)"
        }
        return "\(nanoseconds)ns"
    }
}

extension String {
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
