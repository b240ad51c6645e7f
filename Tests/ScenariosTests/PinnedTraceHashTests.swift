import Testing
import Scenarios

/// Every built-in scenario, made small, replays to the trace hash written here. A change that
/// moves any of them is a change of the model's behaviour: its commit says why and updates the
/// hash. The model's randomness uses no platform library (`PortableMath`), so these hashes
/// hold on every platform, not only this one.
@Suite("Pinned trace hashes")
struct PinnedTraceHashTests {
    /// The hash of each built-in at seed 7 with at most 150 clients (its system sized to them,
    /// for a scenario that sizes it) for at most 40 s (past every scheduled fault).
    static let pinned: [String: String] = [
        "quickstart": "14f6b9619cf211de",
        "b2b-portal": "f60e1450721cec66",
        "marketplace": "9f0fa8d47a4cea47",
        "crm-realtime": "6d59cb688445121d",
        "support-desk": "a9372b58244d541a",
        "collab-workspace": "6a74aa21f84b4859",
        "reconnect-storm": "d7097ffb833c276b",
        "bus-outage": "999be257b23c1b09",
        "slow-store": "bb6e81bc38fb490d",
        "hot-room": "a2d0f6ca83a46370",
        "node-crash": "90790fe1a85f0cea",
        "scale": "6231b8ed3107f678",
        "race-demo": "0bc44025bf3f9a5d",
    ]

    @Test(arguments: ScenarioCatalog.all.map(\.name))
    func aBuiltInReplaysToItsPinnedHash(name: String) async throws {
        var scenario = try #require(ScenarioCatalog.named(name))
        scenario.clients = min(scenario.clients, 150)
        scenario.duration = min(scenario.duration, .seconds(40))
        scenario = scenario.sized()
        try scenario.validate()
        let summary = try await ScenarioRunner(scenario: scenario, seed: 7).runOnOwnThread().summary
        #expect(summary.traceEvents > 1_000)
        #expect(summary.traceHash == Self.pinned[name], "\(name): \(summary.traceEvents) events")
    }
}
