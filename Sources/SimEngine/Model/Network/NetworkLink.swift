public import SimRuntime

/// One direction of a connection: decides when each frame arrives, whether it is lost, and
/// whether the link is cut. A value type with its own random stream and no clock.
///
/// Frames arrive in the order they were sent, as over TCP: a frame never arrives before the
/// one sent ahead of it, even when its own latency draw is shorter. While the link is cut,
/// every frame is lost.
///
/// ```swift
/// var link = NetworkLink(profile: LinkProfile(), random: engine.random("link", entity: id))
/// if case .arrives(let at) = link.transmit(at: engine.now) { engine.send(to: peer, at: at) { ... } }
/// ```
public struct NetworkLink: Sendable {
    /// What happened to a frame.
    public enum Transmission: Equatable, Sendable {
        case arrives(at: SimulationInstant)
        case lost
        case cut
    }

    /// The link's latency and loss.
    public var profile: LinkProfile
    /// Whether the link is cut now.
    public private(set) var isCut = false
    private var random: RandomStream
    private var lastArrival: Int64 = .min

    public init(profile: LinkProfile, random: RandomStream) {
        self.profile = profile
        self.random = random
    }

    /// Sends a frame at `time`.
    public mutating func transmit(at time: SimulationInstant) -> Transmission {
        if isCut { return .cut }
        if profile.lossRate > 0, random.nextUnitInterval() < profile.lossRate { return .lost }
        let arrival = Swift.max(time.nanoseconds &+ profile.latency.sampleNanoseconds(using: &random), lastArrival)
        lastArrival = arrival
        return .arrives(at: SimulationInstant(nanoseconds: arrival))
    }

    /// Cuts the link: frames sent from now on are lost until ``restore()``.
    public mutating func cut() { isCut = true }

    /// Restores a cut link.
    public mutating func restore() { isCut = false }
}
