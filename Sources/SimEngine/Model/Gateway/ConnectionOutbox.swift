import DequeModule

/// A connection's outbound queue on its gateway: frames wait here until the socket takes them,
/// up to a byte cap; beyond it the slow-consumer policy decides.
///
/// ```swift
/// var outbox = ConnectionOutbox(byteCap: 1 << 20, policy: .disconnect)
/// switch outbox.offer(frame, bytes: 512) { case .queued: ...; case .dropped: ...; case .disconnect: ... }
/// ```
public struct ConnectionOutbox<Frame> {
    /// What happened to an offered frame.
    public enum Offer: Equatable, Sendable {
        /// The frame waits for the socket.
        case queued
        /// The queue was full and the policy is ``SlowConsumerPolicy/drop``: the frame is lost.
        case dropped
        /// The queue was full and the policy is ``SlowConsumerPolicy/disconnect``: the
        /// connection must close; the queue has been emptied.
        case disconnect
    }

    /// The most bytes that may wait.
    public let byteCap: Int
    /// What to do when full.
    public let policy: SlowConsumerPolicy
    /// Bytes waiting now.
    public private(set) var queuedBytes = 0
    /// Frames dropped so far.
    public private(set) var dropped = 0
    private var frames = Deque<(frame: Frame, bytes: Int)>()

    public init(byteCap: Int, policy: SlowConsumerPolicy) {
        self.byteCap = byteCap
        self.policy = policy
    }

    /// Frames waiting now.
    public var count: Int { frames.count }

    /// Offers a frame of `bytes`.
    public mutating func offer(_ frame: Frame, bytes: Int) -> Offer {
        guard queuedBytes + bytes <= byteCap else {
            switch policy {
            case .drop:
                dropped += 1
                return .dropped
            case .disconnect:
                frames.removeAll()
                queuedBytes = 0
                return .disconnect
            }
        }
        frames.append((frame, bytes))
        queuedBytes += bytes
        return .queued
    }

    /// The socket takes the oldest frame.
    public mutating func take() -> Frame? {
        takeWithSize()?.frame
    }

    /// The socket takes the oldest frame, with its size.
    public mutating func takeWithSize() -> (frame: Frame, bytes: Int)? {
        guard let first = frames.popFirst() else { return nil }
        queuedBytes -= first.bytes
        return first
    }
}

extension ConnectionOutbox: Sendable where Frame: Sendable {}
