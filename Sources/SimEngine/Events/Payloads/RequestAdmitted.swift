/// A gateway's rate limiter admitted a request of a user.
public struct RequestAdmitted: TraceEventPayload {
    public static let name = "request_admitted"
    public static let tag: UInt64 = 8
    public static let meaning = "A gateway's rate limiter admitted a request of a user."

    /// The user.
    public var user: Int = .placeholder

    public init() {}

    public init(user: Int) {
        self.user = user
    }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("user", &user, "the user")
    }

    public var event: TraceEvent { .requestAdmitted(self) }
}
