/// Numbers as reports print them: a fixed number of decimals, the same on every platform and
/// locale (Foundation's `String(format:)` is neither available everywhere nor locale-free).
///
/// ```swift
/// DecimalText.fixed(0.99555, digits: 4)   // "0.9956"
/// DecimalText.fixed(-2.5, digits: 2)      // "-2.50"
/// ```
public enum DecimalText {
    /// `value` rounded to `digits` decimals (0 to 9); values beyond 10^15 and non-finite ones
    /// as Swift prints them.
    public static func fixed(_ value: Double, digits: Int) -> String {
        precondition((0...9).contains(digits), "between 0 and 9 decimals")
        guard value.isFinite else { return "\(value)" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let whole = Int64(scaled)
        let sign = value < 0 && whole != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fraction = String(whole % scale)
        return sign + String(whole / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
