public import SimSupport

/// What a member may do in a room. The specs' roles map onto these: the workspace's admin,
/// editor and viewer; the portal's admin and client; the desk's agent and customer.
public enum RoomRole: String, Codable, ConfigurationChoice, CaseIterable, Comparable, Sendable {
    /// Reads only.
    case viewer
    /// Reads and posts.
    case member
    /// Reads, posts and manages members.
    case admin

    /// Whether the role may post messages.
    public var canPost: Bool { self != .viewer }
    /// Whether the role may add and remove members.
    public var canManageMembers: Bool { self == .admin }

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .member: 1
        case .admin: 2
        }
    }

    public static func < (lhs: RoomRole, rhs: RoomRole) -> Bool { lhs.rank < rhs.rank }
}
