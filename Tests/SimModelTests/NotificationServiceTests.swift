import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimTesting
import SimMetrics

@Suite("Notification service")
struct NotificationServiceTests {
    @Test func withAnEmailProviderThatAlwaysFailsEveryNotificationArrivesByPushWithinTheRetryLimit() async throws {
        var configuration = NotificationConfiguration()
        configuration.channels = [.email, .push]
        configuration.retry = RetryPolicy(maxAttempts: 3, initialBackoff: .seconds(1), attemptTimeout: .seconds(10))
        configuration.providers[.email] = ProviderProfile(latency: .exponential(mean: 0.5), failureRate: 1)
        configuration.providers[.push] = ProviderProfile(latency: .exponential(mean: 0.2), failureRate: 0)
        let settings = configuration
        let engine = Engine(mode: .sim, seed: 21)
        let (tally, endTime) = try await engine.runOnOwnThread { engine in
            let service = NotificationService(engine: engine, telemetry: RunProbe().telemetry, configuration: settings)
            for user in 0..<50 {
                for kind in NotificationKind.marketplace { await service.notify([user], kind: kind) }
            }
            try? await engine.clock.sleep(for: .seconds(600))
            return (await service.tally, engine.now)
        }
        #expect(tally.created == 500)
        #expect(tally.deliveredBy == [.push: 500])
        #expect(tally.failed == 0 && tally.inFlight == 0)
        #expect(tally.attempts[.email] == 1_500)
        #expect(tally.attempts[.push] == 500)
        #expect(tally.mostAttemptsOnOneChannel <= 3)
        #expect(endTime == SimulationInstant(nanoseconds: 600_000_000_000))
    }

    @Test func realtimeFailsForOfflineUsersAndFallsBack() async throws {
        var configuration = NotificationConfiguration()
        configuration.channels = [.realtime, .email]
        configuration.retry = RetryPolicy(maxAttempts: 2)
        configuration.providers[.email] = ProviderProfile(latency: .constant(1), failureRate: 0)
        let settings = configuration
        let engine = Engine(mode: .sim, seed: 4)
        let (tally, pending) = try await engine.runOnOwnThread { engine in
            let service = NotificationService(engine: engine, telemetry: RunProbe().telemetry, configuration: settings)
            await service.setOnline(2, false)
            await service.setPreferences(of: 3, to: [])  // wants nothing: fails at once
            await service.notify([1, 2, 3], kind: .orderUpdate)
            try? await engine.clock.sleep(for: .seconds(60))
            return (await service.tally, await service.pendingDeliveries)
        }
        #expect(tally.deliveredBy == [.realtime: 1, .email: 1])
        #expect(tally.failed == 1)
        #expect(pending == 0)
        #expect(tally.attempts[.realtime] == 3)  // user 1 once, user 2 twice
    }

    @Test func badgesMatchUnreadNotificationsOnceQuiet() async throws {
        let engine = Engine(mode: .sim, seed: 8)
        let (badges, unread) = try await engine.runOnOwnThread { engine in
            let service = NotificationService(engine: engine, telemetry: RunProbe().telemetry, configuration: NotificationConfiguration())
            var random = engine.random("readers")
            let users = Array(0..<20)
            var ids: [UInt64] = []
            for round in 0..<30 {
                ids.append(await service.notify([users[round % users.count]], kind: .paymentReminder))
                if round % 10 == 9 { ids.append(await service.notify(users, kind: .announcement)) }
                try? await engine.clock.sleep(for: .seconds(1))
            }
            for user in users {
                switch random.next(below: 3) {
                case 0: await service.markAllRead(user: user, createdUpTo: SimulationInstant(nanoseconds: 15_000_000_000))
                case 1: for id in ids where random.next(below: 2) == 0 { await service.markRead(user: user, id: id) }
                default: await service.click(user: user, id: ids[Int(random.next(below: UInt64(ids.count)))])
                }
            }
            try? await engine.clock.sleep(for: .seconds(120))
            var badges: [Int] = []
            var unread: [Int] = []
            for user in users {
                badges.append(await service.badge(of: user))
                unread.append(await service.inbox(of: user).entries.filter { $0.readAt == nil }.count)
            }
            return (badges, unread)
        }
        #expect(badges == unread)
        #expect(badges.allSatisfy { $0 >= 0 })
        #expect(badges.reduce(0, +) > 0)
    }

    /// Ten emails at once to a provider that takes 0.5 s, serving `concurrency` at a time.
    private func burstOfEmails(concurrency: Int) async throws -> LatencySummary? {
        var configuration = NotificationConfiguration()
        configuration.channels = [.email]
        configuration.providers[.email] = ProviderProfile(latency: .constant(0.5), failureRate: 0, concurrency: concurrency)
        let settings = configuration
        let engine = Engine(mode: .sim, seed: 1)
        let probe = RunProbe()
        try await engine.runOnOwnThread { engine in
            let service = NotificationService(engine: engine, telemetry: probe.telemetry, configuration: settings)
            for user in 0..<10 { await service.notify([user], kind: .system) }
            try? await engine.clock.sleep(for: .seconds(60))
        }
        return probe.latency["notification_email"]
    }

    @Test func aProviderServingTwoAtATimeMakesABurstWaitInLine() async throws {
        let unlimited = try await burstOfEmails(concurrency: 0)
        let two = try await burstOfEmails(concurrency: 2)
        // Histogram values are exact to three significant digits.
        #expect(unlimited?.count == 10 && abs((unlimited?.maxMs ?? 0) - 500) < 1)
        // Five rounds of two: the last pair is answered after 2.5 s.
        #expect(two?.count == 10 && abs((two?.maxMs ?? 0) - 2_500) < 3)
    }

    @Test func preferencesChooseChannelsPerKind() async throws {
        let engine = Engine(mode: .sim, seed: 2)
        let tally = try await engine.runOnOwnThread { engine in
            var configuration = NotificationConfiguration()
            for channel in NotificationChannel.allCases {
                configuration.providers[channel] = ProviderProfile(latency: .constant(0.1), failureRate: 0)
            }
            let service = NotificationService(engine: engine, telemetry: RunProbe().telemetry, configuration: configuration)
            await service.setPreferences(of: 1, to: [.push])
            await service.setPreferences(of: 1, for: .paymentReminder, to: [.email])
            await service.notify([1], kind: .paymentReminder)
            await service.notify([1], kind: .orderUpdate)
            await service.notify([2], kind: .orderUpdate)  // no preference: realtime first
            try? await engine.clock.sleep(for: .seconds(10))
            return await service.tally
        }
        #expect(tally.deliveredBy == [.email: 1, .push: 1, .realtime: 1])
    }
}
