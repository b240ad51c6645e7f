public import SimRuntime
public import SimEvents

/// The delivery of one notification to one user over their preferred channels, as a state
/// machine with no clock or I/O: the notification service feeds it events and carries out the
/// actions it returns.
///
/// Channels are tried in preference order. Each attempt is answered by its provider or times
/// out; a failed attempt is retried with exponential backoff up to the channel's attempt
/// limit, then the next channel takes over. Delivery is idempotent per (notification, channel):
/// the first success ends the delivery and later answers change nothing.
///
/// ```swift
/// var delivery = NotificationDelivery(channels: [.email, .push], retry: RetryPolicy())
/// for action in delivery.start(at: now) { perform(action) }
/// for action in delivery.answer(channel: .email, attempt: 1, succeeded: false, at: later) { perform(action) }
/// ```
public struct NotificationDelivery: Sendable {
    /// What the service must do next.
    public enum Action: Equatable, Sendable {
        /// Ask `channel`'s provider to deliver, as attempt number `attempt`; unanswered by
        /// `timeoutAt`, report ``NotificationDelivery/timeout(channel:attempt:at:)``.
        case attempt(channel: NotificationChannel, attempt: Int, timeoutAt: SimulationInstant)
        /// Call ``NotificationDelivery/retryDue(at:)`` at `at`.
        case scheduleRetry(at: SimulationInstant)
        /// The delivery ended.
        case finished(Outcome)
    }

    /// How a delivery ended.
    public enum Outcome: Equatable, Sendable {
        case delivered(NotificationChannel)
        case failed
    }

    /// Where the delivery stands.
    public enum State: Equatable, Sendable {
        case notStarted
        /// Waiting for the answer to `attempt` on `channel`.
        case awaitingAnswer(channel: NotificationChannel, attempt: Int)
        /// Waiting to retry `channel` with attempt `attempt`.
        case backingOff(channel: NotificationChannel, attempt: Int)
        case finished(Outcome)
    }

    /// The channels in preference order.
    public let channels: [NotificationChannel]
    /// The retry policy of every channel.
    public let retry: RetryPolicy
    public private(set) var state: State = .notStarted
    /// Attempts made per channel, in `channels` order.
    public private(set) var attempts: [Int]

    public init(channels: [NotificationChannel], retry: RetryPolicy) {
        self.channels = channels
        self.retry = retry
        attempts = Array(repeating: 0, count: channels.count)
    }

    /// Starts with the first channel; with no channel the delivery fails at once.
    public mutating func start(at time: SimulationInstant) -> [Action] {
        guard case .notStarted = state else { return [] }
        guard let first = channels.first else { return finish(.failed) }
        return attempt(first, at: time)
    }

    /// The provider of `channel` answered `attempt`.
    public mutating func answer(channel: NotificationChannel, attempt: Int, succeeded: Bool,
                                at time: SimulationInstant) -> [Action] {
        if succeeded {
            switch state {
            case .finished, .notStarted: return []
            // A success from any attempt, even a late one, delivered the notification.
            case .awaitingAnswer, .backingOff: return finish(.delivered(channel))
            }
        }
        guard case .awaitingAnswer(let current, let currentAttempt) = state,
              current == channel, currentAttempt == attempt else { return [] }  // stale failure
        return failed(channel, attempt: attempt, at: time)
    }

    /// `attempt` on `channel` reached its timeout unanswered.
    public mutating func timeout(channel: NotificationChannel, attempt: Int, at time: SimulationInstant) -> [Action] {
        guard case .awaitingAnswer(let current, let currentAttempt) = state,
              current == channel, currentAttempt == attempt else { return [] }  // already answered
        return failed(channel, attempt: attempt, at: time)
    }

    /// A scheduled retry is due.
    public mutating func retryDue(at time: SimulationInstant) -> [Action] {
        guard case .backingOff(let channel, _) = state else { return [] }
        return attempt(channel, at: time)
    }

    private mutating func failed(_ channel: NotificationChannel, attempt: Int, at time: SimulationInstant) -> [Action] {
        let index = channels.firstIndex(of: channel)!
        if attempts[index] < retry.maxAttempts {
            state = .backingOff(channel: channel, attempt: attempts[index] + 1)
            return [.scheduleRetry(at: time.advanced(by: retry.backoff(after: attempts[index])))]
        }
        guard index + 1 < channels.count else { return finish(.failed) }
        return self.attempt(channels[index + 1], at: time)
    }

    private mutating func attempt(_ channel: NotificationChannel, at time: SimulationInstant) -> [Action] {
        let index = channels.firstIndex(of: channel)!
        attempts[index] += 1
        state = .awaitingAnswer(channel: channel, attempt: attempts[index])
        return [.attempt(channel: channel, attempt: attempts[index], timeoutAt: time.advanced(by: retry.attemptTimeout))]
    }

    private mutating func finish(_ outcome: Outcome) -> [Action] {
        state = .finished(outcome)
        return [.finished(outcome)]
    }
}
