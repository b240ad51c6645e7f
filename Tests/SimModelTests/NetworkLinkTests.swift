import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Network links")
struct NetworkLinkTests {
    @Test(arguments: 1...5)
    func framesArriveInTheOrderSentAndNeverBeforeTheirLatency(seed: UInt64) {
        var link = NetworkLink(profile: LinkProfile(latency: .exponential(mean: 0.05)),
                               random: RandomStream(seed: seed, stream: "link"))
        var previous = Int64.min
        var overtakes = 0
        var random = RandomStream(seed: seed, stream: "sends")
        var now: Int64 = 0
        for _ in 0..<1_000 {
            now += Int64(random.next(below: 5_000_000))
            guard case .arrives(let arrival) = link.transmit(at: SimulationInstant(nanoseconds: now)) else {
                Issue.record("a lossless link lost a frame"); return
            }
            #expect(arrival.nanoseconds >= now)
            if arrival.nanoseconds < previous { overtakes += 1 }
            previous = arrival.nanoseconds
        }
        #expect(overtakes == 0)
    }

    @Test func lossFollowsItsRate() {
        var link = NetworkLink(profile: LinkProfile(latency: .constant(0.01), lossRate: 0.1),
                               random: RandomStream(seed: 3, stream: "link"))
        let lost = (0..<20_000).filter { _ in link.transmit(at: .start) == .lost }.count
        #expect(lost > 1_800 && lost < 2_200)
    }

    @Test func aCutLinkLosesEverythingUntilRestored() {
        var link = NetworkLink(profile: LinkProfile(latency: .constant(0.01)), random: RandomStream(seed: 1, stream: "link"))
        link.cut()
        let whileCut = link.transmit(at: .start)
        #expect(whileCut == .cut)
        link.restore()
        let afterwards = link.transmit(at: .start)
        #expect(afterwards == .arrives(at: SimulationInstant(nanoseconds: 10_000_000)))
    }

    @Test func anImpossibleLossRateIsRefused() {
        do {
            try LinkProfile(lossRate: 1.5).validate(at: "network.client_link")
            Issue.record("a loss rate of 1.5 was accepted")
        } catch {
            #expect(error.location == "network.client_link.loss_rate")
        }
    }
}

@Suite("Reconnect policy")
struct ReconnectPolicyTests {
    @Test(arguments: 1...20)
    func eachDelayStaysWithinItsJitterAroundTheCappedDoubling(seed: UInt64) {
        let policy = ReconnectPolicy()  // 1 s doubling to 5 s, ±50 %
        var random = RandomStream(seed: seed, stream: "reconnect", entity: 0)
        let nominal: [Double] = [1, 2, 4, 5, 5, 5]
        for (index, expected) in nominal.enumerated() {
            let delay = policy.delay(attempt: index + 1, using: &random)!
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            #expect((expected * 0.5...expected * 1.5).contains(seconds), "attempt \(index + 1): \(seconds) s")
        }
    }

    @Test func aClientThatNeverReconnectsGetsNoDelay() {
        var policy = ReconnectPolicy()
        policy.enabled = false
        var random = RandomStream(seed: 1, stream: "reconnect", entity: 0)
        #expect(policy.delay(attempt: 1, using: &random) == nil)
    }
}
