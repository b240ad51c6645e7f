import Foundation
import SimModel
import SimRuntime
import SimTesting

/// Connected clients at scale: `count` clients connect, each joins one room of ten, and they
/// stay for one simulated minute, idle (heartbeats only) or each sending one message.
enum ClientScale {
    /// What one run measured.
    struct Result {
        /// Resident bytes added per connected client, measured once every client had joined.
        var bytesPerClient: Double
        /// Events the engine executed.
        var events: UInt64
        /// Wall-clock seconds of the whole run.
        var wallSeconds: Double
    }

    static func run(clients count: Int, active: Bool) -> Result {
        var configuration = SystemConfiguration()
        // Connecting a million clients one after another must not wait on authentication.
        configuration.capacity.connect.serviceTime = .constant(0)
        let settings = configuration
        let engine = Engine(mode: .sim, seed: 1)
        let before = residentBytes()
        let started = ContinuousClock.now
        let probe = RunProbe(system: settings)
        let perClient = try! engine.run { engine -> Double in
            let system = await MessagingSystem<Client>(engine: engine, telemetry: probe.telemetry, configuration: settings,
                                                       rooms: Swift.max(1, count / 10))
            let context = ClientContext(system: system)
            var clients: [Client] = []
            clients.reserveCapacity(count)
            for id in 0..<count {
                let client = Client(id: id, context: context)
                await client.connect()
                await client.join(id / 10)
                clients.append(client)
            }
            let connected = residentBytes()
            let end = engine.now.advanced(by: .seconds(60))
            if active {
                // One message each, spread over the minute.
                for client in clients {
                    await client.startConversation(until: end, thinkTime: .constant(120), messageBytes: 200)
                }
            }
            try? await engine.clock.sleep(until: end)
            return Double(connected - before) / Double(count)
        }
        return Result(bytesPerClient: perClient, events: engine.statistics.events,
                      wallSeconds: Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                          + Double((ContinuousClock.now - started).components.seconds))
    }

    /// The process's resident memory, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
