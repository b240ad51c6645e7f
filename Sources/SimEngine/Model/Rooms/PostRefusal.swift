/// Why a room refused a post. A refused post is not sent again.
public enum PostRefusal: String, Error, Equatable, Sendable {
    /// The sender is not a member of the room.
    case notAMember = "not_a_member"
    /// The sender's role may not post (a viewer).
    case notAllowed = "not_allowed"
    /// The post came after a later message from the same sender: an attempt the sender had
    /// already given up. Accepting it would break per-sender FIFO.
    case outOfOrder = "out_of_order"
    /// The post is an edit made on a revision of the document older than the history the room
    /// still keeps: it cannot be transformed against what came since.
    case staleEdit = "stale_edit"

    /// The refusal a membership decision stands for.
    public init(_ refusal: RoomMembership.Refusal) {
        switch refusal {
        case .notAMember: self = .notAMember
        case .notAllowed: self = .notAllowed
        }
    }
}
