/// The elementary functions that sampling needs, written with IEEE 754 arithmetic alone.
///
/// The platform's `log`, `exp` and `cos` differ in their last bits between glibc and Apple's
/// libm, and one bit of one draw is enough for a seed to replay differently on a developer's Mac
/// than on Linux CI. These use only addition, multiplication, division and exact scaling by
/// powers of two, which every IEEE 754 platform rounds alike (Swift never fuses or reorders
/// floating-point operations on its own), so the same input gives the same bits everywhere.
/// They are accurate to about one unit in the last place, which sampling does not notice.
public enum PortableMath {
    /// ln 2 in two parts: `ln2High` has trailing zero bits, so `k * ln2High` is exact for the
    /// exponents a double has.
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let log2e = 1.44269504088896338700e+00

    /// The natural logarithm of `x`: `-infinity` at zero, NaN below zero or for NaN.
    public static func log(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        // x = m · 2^e with m in [√½, √2), so that log(m) is small and its series converges fast.
        var exponent = Int(x.exponent)
        var mantissa = x.significand  // [1, 2), exact
        if mantissa > 1.4142135623730951 {
            mantissa /= 2  // exact
            exponent += 1
        }
        // log(m) = 2 atanh(s) with s = (m - 1) / (m + 1), |s| ≤ 0.1716.
        let f = mantissa - 1
        let s = f / (2 + f)
        let s2 = s * s
        // 2 (s + s³/3 + s⁵/5 + …), eleven terms: the next is below 10⁻¹⁷ of the sum.
        var series = 1.0 / 23
        for k in stride(from: 21, through: 3, by: -2) {
            series = series * s2 + 1 / Double(k)
        }
        let logMantissa = 2 * s + 2 * s * s2 * series
        let e = Double(exponent)
        return (e * ln2High) + (logMantissa + e * ln2Low)
    }

    /// e raised to `x`: zero far below, infinity far above, NaN for NaN.
    public static func exp(_ x: Double) -> Double {
        guard !x.isNaN else { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        // x = k ln 2 + r with |r| ≤ ½ ln 2; e^x = 2^k e^r.
        let k = (x * log2e).rounded(.toNearestOrEven)
        let r = (x - k * ln2High) - k * ln2Low
        // e^r by its Taylor series to r¹⁴/14!, below 10⁻¹⁷ of the sum for |r| ≤ 0.347.
        var sum = 1.0
        for n in stride(from: 14, through: 1, by: -1) {
            sum = 1 + sum * r / Double(n)
        }
        return scaled(sum, byPowerOfTwo: Int(k))
    }

    /// cos(2π·`turns`): the cosine of an angle given as a fraction of a whole turn.
    ///
    /// Taking the angle in turns makes the reduction to the first octant exact, which a
    /// reduction of radians by a rounded π is not.
    public static func cosineOfTurns(_ turns: Double) -> Double {
        guard turns.isFinite else { return .nan }
        // turns = q/4 + t with q whole and |t| ≤ 1/8; both steps are exact.
        let quarters = (turns * 4).rounded(.toNearestOrEven)
        let t = turns - quarters / 4
        let angle = 2 * Double.pi * t  // |angle| ≤ π/4
        let quadrant = Int(quarters.truncatingRemainder(dividingBy: 4) + 4) % 4
        switch quadrant {
        case 0: return cosine(angle)
        case 1: return -sine(angle)
        case 2: return -cosine(angle)
        default: return sine(angle)
        }
    }

    /// cos on [-π/4, π/4], Taylor series to a¹⁸/18!.
    private static func cosine(_ a: Double) -> Double {
        let a2 = a * a
        var sum = 1.0
        for n in stride(from: 18, through: 2, by: -2) {
            sum = 1 - sum * a2 / Double(n * (n - 1))
        }
        return sum
    }

    /// sin on [-π/4, π/4], Taylor series to a¹⁹/19!.
    private static func sine(_ a: Double) -> Double {
        let a2 = a * a
        var sum = 1.0
        for n in stride(from: 19, through: 3, by: -2) {
            sum = 1 - sum * a2 / Double(n * (n - 1))
        }
        return a * sum
    }

    /// `value · 2^power`, done in two exact steps when 2^power alone would overflow or
    /// underflow.
    private static func scaled(_ value: Double, byPowerOfTwo power: Int) -> Double {
        if power > 1000 { return value * Double(sign: .plus, exponent: 1000, significand: 1) * twoTo(power - 1000) }
        if power < -1000 { return value * Double(sign: .plus, exponent: -1000, significand: 1) * twoTo(power + 1000) }
        return value * twoTo(power)
    }

    private static func twoTo(_ power: Int) -> Double {
        Double(sign: .plus, exponent: power, significand: 1)
    }
}
