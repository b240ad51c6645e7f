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
        // 2 (s + s³/3 + s⁵/5 + …), eleven terms: the next is below 10⁻¹⁷ of the sum. The
        // coefficients are constants the compiler folds, so the loop multiplies and adds only.
        var series = 1.0 / 23
        series = series * s2 + 1.0 / 21
        series = series * s2 + 1.0 / 19
        series = series * s2 + 1.0 / 17
        series = series * s2 + 1.0 / 15
        series = series * s2 + 1.0 / 13
        series = series * s2 + 1.0 / 11
        series = series * s2 + 1.0 / 9
        series = series * s2 + 1.0 / 7
        series = series * s2 + 1.0 / 5
        series = series * s2 + 1.0 / 3
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
        // e^r by its Taylor series to r¹⁴/14!, below 10⁻¹⁷ of the sum for |r| ≤ 0.347, by
        // Horner's rule on the coefficients 1/n!, constants the compiler folds.
        var sum = 1.0 / 87_178_291_200  // 1/14!
        sum = sum * r + 1.0 / 6_227_020_800
        sum = sum * r + 1.0 / 479_001_600
        sum = sum * r + 1.0 / 39_916_800
        sum = sum * r + 1.0 / 3_628_800
        sum = sum * r + 1.0 / 362_880
        sum = sum * r + 1.0 / 40_320
        sum = sum * r + 1.0 / 5_040
        sum = sum * r + 1.0 / 720
        sum = sum * r + 1.0 / 120
        sum = sum * r + 1.0 / 24
        sum = sum * r + 1.0 / 6
        sum = sum * r + 0.5
        sum = sum * r + 1
        sum = sum * r + 1
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

    /// cos on [-π/4, π/4], Taylor series to a¹⁸/18! (Horner's rule, folded constants).
    private static func cosine(_ a: Double) -> Double {
        let a2 = a * a
        var sum = 1.0
        sum = 1 - sum * a2 * (1.0 / (18 * 17))
        sum = 1 - sum * a2 * (1.0 / (16 * 15))
        sum = 1 - sum * a2 * (1.0 / (14 * 13))
        sum = 1 - sum * a2 * (1.0 / (12 * 11))
        sum = 1 - sum * a2 * (1.0 / (10 * 9))
        sum = 1 - sum * a2 * (1.0 / (8 * 7))
        sum = 1 - sum * a2 * (1.0 / (6 * 5))
        sum = 1 - sum * a2 * (1.0 / (4 * 3))
        sum = 1 - sum * a2 * 0.5
        return sum
    }

    /// sin on [-π/4, π/4], Taylor series to a¹⁹/19! (Horner's rule, folded constants).
    private static func sine(_ a: Double) -> Double {
        let a2 = a * a
        var sum = 1.0
        sum = 1 - sum * a2 * (1.0 / (19 * 18))
        sum = 1 - sum * a2 * (1.0 / (17 * 16))
        sum = 1 - sum * a2 * (1.0 / (15 * 14))
        sum = 1 - sum * a2 * (1.0 / (13 * 12))
        sum = 1 - sum * a2 * (1.0 / (11 * 10))
        sum = 1 - sum * a2 * (1.0 / (9 * 8))
        sum = 1 - sum * a2 * (1.0 / (7 * 6))
        sum = 1 - sum * a2 * (1.0 / (5 * 4))
        sum = 1 - sum * a2 * (1.0 / (3 * 2))
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
