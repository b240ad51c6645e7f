import Foundation
import Testing
import SimRuntime

@Suite("Portable elementary functions")
struct PortableMathTests {
    /// How many representable doubles lie between `a` and `b`.
    private func ulps(_ a: Double, _ b: Double) -> UInt64 {
        guard a.sign == b.sign else { return a == b ? 0 : .max }
        let x = a.bitPattern, y = b.bitPattern
        return x > y ? x - y : y - x
    }

    /// Arguments spread over the ranges sampling uses and beyond: a seeded stream, so the same
    /// values every run.
    private func arguments(_ count: Int, _ transform: (Double) -> Double) -> [Double] {
        var random = RandomStream(seed: 17, stream: "portable-math")
        return (0..<count).map { _ in transform(random.nextUnitInterval()) }
    }

    @Test func logAgreesWithTheLibraryWithinTwoUnitsInTheLastPlace() {
        let values = arguments(20_000) { 1 - $0 } + arguments(5_000) { Foundation.exp(($0 - 0.5) * 1400) }
            + [1, 2, 0.5, Double.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 1 - 0x1p-53]
        for x in values {
            #expect(ulps(PortableMath.log(x), Foundation.log(x)) <= 2, "log(\(x))")
        }
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.log(.infinity) == .infinity)
    }

    @Test func expAgreesWithTheLibraryWithinTwoUnitsInTheLastPlace() {
        let values = arguments(20_000) { ($0 - 0.5) * 12 } + arguments(5_000) { ($0 - 0.5) * 1400 } + [0, 1, -1, 709, -708]
        for x in values {
            #expect(ulps(PortableMath.exp(x), Foundation.exp(x)) <= 2, "exp(\(x))")
        }
        #expect(PortableMath.exp(710) == .infinity)
        #expect(PortableMath.exp(-746) == 0)
        #expect(PortableMath.exp(.nan).isNaN)
    }

    @Test func cosineOfTurnsAgreesWithTheLibrary() {
        for turns in arguments(20_000, { $0 }) + [0, 0.125, 0.25, 0.5, 0.75, 0.999999] {
            let expected = Foundation.cos(2 * Double.pi * turns)
            // The library's argument 2π·turns is itself rounded, which moves its cosine by up to
            // a few units in the last place; the portable one reduces turns exactly.
            #expect(abs(PortableMath.cosineOfTurns(turns) - expected) <= 1e-15, "cos(2π·\(turns))")
        }
        #expect(PortableMath.cosineOfTurns(0) == 1)
        #expect(PortableMath.cosineOfTurns(0.5) == -1)
    }

    /// Bits computed once and written down: these functions use IEEE arithmetic alone, so a
    /// platform (or a change) that gives other bits breaks replay of every seed.
    @Test func givesTheSameBitsOnEveryPlatform() {
        #expect(PortableMath.log(0.3).bitPattern == 13_831_473_067_500_349_217)
        #expect(PortableMath.exp(-1.7).bitPattern == 4_595_749_887_897_340_423)
        #expect(PortableMath.cosineOfTurns(0.3).bitPattern == 13_822_610_412_055_554_382)
        var random = RandomStream(seed: 1, stream: "pinned")
        let lognormal = Distribution.lognormal(median: 0.02, sigma: 0.6)
        #expect((0..<4).map { _ in lognormal.sample(using: &random).bitPattern }
                == [4_578_867_634_202_439_868, 4_582_081_236_756_519_171, 4_587_946_446_425_418_773, 4_585_908_605_915_235_066])
    }
}
