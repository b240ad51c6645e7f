import Foundation
import Scenarios
import SimRuntime
import Synchronization

/// An open load of 1,000 messages a second for `duration`, stopped at 3 s of virtual time: the
/// process's resident memory then, which must not depend on how long the run was to go on.
enum OpenLoadMemory {
    static func residentBytesThreeSecondsIn(duration: Duration) -> Int {
        let scenario = ChatScenario(name: "open", summary: "", clients: 100, duration: duration, rooms: 10, roomsPerClient: 1,
                                    thinkTime: .constant(1), load: .open(stages: [LoadStage(duration: .seconds(1), target: 1_000)]))
        let resident = Mutex(0)
        _ = try? ScenarioRunner(scenario: scenario, seed: 7).run { progress in
            guard progress.now >= SimulationInstant(nanoseconds: 3_000_000_000) else { return false }
            resident.withLock { $0 = ClientScale.residentBytes() }
            return true
        }
        return resident.withLock { $0 }
    }
}
