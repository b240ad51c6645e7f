import Foundation
import Testing
import SimEvents
@testable import SimModel
import SimRuntime
import SimSupport

@Suite("System configuration")
struct SystemConfigurationTests {
    private func decode(_ json: String) throws -> SystemConfiguration {
        try JSONDecoder().decode(SystemConfiguration.self, from: Data(json.utf8))
    }

    /// The message of the error decoding `json` throws.
    private func decodingError(_ json: String) -> String {
        do {
            _ = try decode(json)
            return "no error"
        } catch let DecodingError.dataCorrupted(context) {
            return context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func theDefaultsRoundTripThroughJSON() throws {
        var configuration = SystemConfiguration()
        configuration.gateway.rateLimit = .tokenBucket(capacity: 10, refillPerSecond: 1.5)
        configuration.notifications.providers[.email] = ProviderProfile(latency: .constant(2), failureRate: 1)
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(SystemConfiguration.self, from: data) == configuration)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""heartbeat_interval":"25s""#))
        #expect(text.contains(#""session_keep":"2m""#))
    }

    @Test func anEmptyObjectIsTheDefaults() throws {
        #expect(try decode("{}") == SystemConfiguration())
        try SystemConfiguration().validate()
    }

    @Test func aPartialFileKeepsEveryOtherDefault() throws {
        let configuration = try decode("""
            { "gateway": { "nodes": 3, "rate_limit": { "kind": "sliding_window", "limit": 120, "window": "1m" } },
              "delivery": { "guarantee": "effectively_once", "dedup_window": "5m" },
              "bus": { "kind": "stream" }, "store": { "pool_size": 32 } }
            """)
        var expected = SystemConfiguration()
        expected.gateway.nodes = 3
        expected.gateway.rateLimit = .slidingWindow(limit: 120, window: .seconds(60))
        expected.delivery.guarantee = .effectivelyOnce
        expected.delivery.dedupWindow = .seconds(300)
        expected.bus.kind = .stream
        expected.store.poolSize = 32
        #expect(configuration == expected)
    }

    @Test func anUnknownKeyIsNamedWithItsPathAndTheNearestValidKey() {
        let message = decodingError(#"{ "gateway": { "heartbeat_intervall": "10s" } }"#)
        #expect(message.hasPrefix("gateway.heartbeat_intervall: unknown key 'heartbeat_intervall'."))
        #expect(message.contains("Did you mean 'heartbeat_interval'?"))
        let provider = decodingError(#"{ "notifications": { "providers": { "sms": { "latency": { "kind": "constant", "value": 1 } } } } }"#)
        #expect(provider.contains("unknown key 'sms'"))
        #expect(provider.contains("realtime, email, push"))
    }

    @Test func aMalformedDurationIsRefused() {
        #expect(decodingError(#"{ "delivery": { "ack_timeout": "5 seconds" } }"#)
                    .contains("'5 seconds' is not a duration"))
    }

    @Test func invalidValuesAreRefusedWithTheirKeyPath() throws {
        let cases: [(String, String)] = [
            (#"{ "gateway": { "nodes": 0 } }"#, "system.gateway.nodes"),
            (#"{ "gateway": { "rate_limit": { "kind": "token_bucket", "capacity": 0, "refill_per_second": 1 } } }"#,
             "system.gateway.rate_limit"),
            (#"{ "notifications": { "retry": { "max_attempts": 0 } } }"#, "system.notifications.retry.max_attempts"),
            (#"{ "notifications": { "channels": ["email", "email"] } }"#, "system.notifications.channels"),
            (#"{ "network": { "client_link": { "loss_rate": 2 } } }"#, "system.network.client_link.loss_rate"),
            (#"{ "rooms": { "page_size": 0 } }"#, "system.rooms.page_size"),
            (#"{ "signals": { "typing_expiry": "0s" } }"#, "system.signals.typing_expiry"),
            (#"{ "store": { "failure_rate": -0.5 } }"#, "system.store.failure_rate"),
        ]
        for (json, location) in cases {
            do {
                try decode(json).validate()
                Issue.record("\(json) was accepted")
            } catch let error as ConfigurationError {
                #expect(error.location == location, "\(json)")
            }
        }
    }
}
