/// When a quiet room announces its last sequence to its members, after its last message.
///
/// A client finds a lost message by the gap it leaves before the next one; the last messages
/// before a quiet spell have no next one. Under at-least-once and effectively-once the room
/// therefore tells its members its head once it falls quiet, and again in case that frame or
/// the fetch it prompts is lost too; a member that has less fetches the rest. Busy rooms send
/// nothing extra: the next message shows any gap.
public enum HeadBeacons {
    /// The beacons' delays after the room's last message, ascending.
    public static let delays: [Duration] = [.seconds(1), .seconds(2), .seconds(4)]
}
