public import SimSupport

/// Who belongs to a room and with what role; decides joins, leaves and posts. A value type.
public struct RoomMembership: Sendable {
    /// Why a request about the room is refused.
    public enum Refusal: String, Error, Equatable, Sendable {
        case notAMember = "not_a_member"
        case notAllowed = "not_allowed"
    }

    /// Members and their roles.
    public private(set) var roles = FlatTable<Int, RoomRole>()

    public init() {}

    /// Members in ascending order.
    public var members: [Int] { roles.map(\.key).sorted() }

    /// `user` joins with `role`; a member who joins again takes the new role.
    public mutating func join(_ user: Int, as role: RoomRole) {
        roles[user] = role
    }

    /// `user` leaves; returns whether they were a member.
    @discardableResult
    public mutating func leave(_ user: Int) -> Bool {
        roles.removeValue(forKey: user) != nil
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
