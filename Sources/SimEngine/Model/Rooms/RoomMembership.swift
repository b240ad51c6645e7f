public import SimSupport

/// Who belongs to a room and with what role, and which gateway nodes its members are on;
/// decides joins, leaves and posts. A value type.
public struct RoomMembership: Sendable {
    /// Why a request about the room is refused.
    public enum Refusal: String, Error, Equatable, Sendable {
        case notAMember = "not_a_member"
        case notAllowed = "not_allowed"
    }

    /// Members and their roles.
    public private(set) var roles = FlatTable<Int, RoomRole>()
    /// The gateway nodes at least one member is on, ascending: where the room's frames must go.
    public private(set) var nodes: [Int] = []
    /// Members per node, for the nodes that have any.
    private var membersOnNode = FlatTable<Int, Int>()
    /// The number of gateway nodes; user `u` is on node `u % nodeCount`.
    public let nodeCount: Int

    /// An empty room in a system of `nodeCount` gateway nodes.
    public init(nodeCount: Int = 1) {
        precondition(nodeCount >= 1, "a system has at least one node")
        self.nodeCount = nodeCount
    }

    /// Members in ascending order.
    public var members: [Int] { roles.map(\.key).sorted() }

    /// `user` joins with `role`; a member who joins again takes the new role.
    public mutating func join(_ user: Int, as role: RoomRole) {
        if roles[user] == nil {
            let node = user % nodeCount
            let slot = membersOnNode.insertionIndex(forKey: node, default: 0)
            membersOnNode[slot: slot] += 1
            if membersOnNode[slot: slot] == 1 {
                nodes.insert(node, at: nodes.firstIndex { $0 > node } ?? nodes.count)
            }
        }
        roles[user] = role
    }

    /// `user` leaves; returns whether they were a member.
    @discardableResult
    public mutating func leave(_ user: Int) -> Bool {
        guard roles.removeValue(forKey: user) != nil else { return false }
        let node = user % nodeCount
        if let slot = membersOnNode.index(forKey: node) {
            membersOnNode[slot: slot] -= 1
            if membersOnNode[slot: slot] == 0 {
                membersOnNode.removeValue(forKey: node)
                nodes.removeAll { $0 == node }
            }
        }
        return true
    }

    /// Whether `user` may post: only members whose role allows it.
    public func authorizePost(by user: Int) -> Result<RoomRole, Refusal> {
        guard let role = roles[user] else { return .failure(.notAMember) }
        return role.canPost ? .success(role) : .failure(.notAllowed)
    }

    /// Whether `actor` may add or remove `subject` (admins only; anyone may remove themselves).
    public func authorizeManagement(by actor: Int, of subject: Int) -> Result<Void, Refusal> {
        if actor == subject, roles[actor] != nil { return .success(()) }
        guard let role = roles[actor] else { return .failure(.notAMember) }
        return role.canManageMembers ? .success(()) : .failure(.notAllowed)
    }
}
