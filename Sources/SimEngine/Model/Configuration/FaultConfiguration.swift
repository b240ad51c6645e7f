import SimSupport

/// Deliberately faulty components, for proving that the checkers catch what they must: a run
/// with a fault injected breaks its guarantee and exits 2. Every fault is off by default.
public struct FaultConfiguration: Equatable, Sendable {
    /// Rooms also send each reader the receipts about itself. Default false.
    public var receiptsToReader = false
    /// Rooms apply each edit where its author made it, without transforming it against the
    /// edits accepted since: concurrent edits leave replicas diverged. Default false.
    public var editsUntransformed = false
    /// The audit log records the member an action was done to as the one who did it. Default
    /// false.
    public var auditSubjectAsActor = false
    /// Under effectively-once, rooms forget that a post is being written: a retry that arrives
    /// while its first attempt's write is still in flight is written, and accepted, again. Only
    /// runs where a write outlasts the client's ack timeout show it. Default false.
    public var retryWrittenTwice = false

    public init() {}
}

extension FaultConfiguration: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case receiptsToReader = "receipts_to_reader"
        case editsUntransformed = "edits_untransformed"
        case auditSubjectAsActor = "audit_subject_as_actor"
        case retryWrittenTwice = "retry_written_twice"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        receiptsToReader = try container.decode(.receiptsToReader, default: receiptsToReader)
        editsUntransformed = try container.decode(.editsUntransformed, default: editsUntransformed)
        auditSubjectAsActor = try container.decode(.auditSubjectAsActor, default: auditSubjectAsActor)
        retryWrittenTwice = try container.decode(.retryWrittenTwice, default: retryWrittenTwice)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(receiptsToReader, forKey: .receiptsToReader)
        try container.encode(editsUntransformed, forKey: .editsUntransformed)
        try container.encode(auditSubjectAsActor, forKey: .auditSubjectAsActor)
        try container.encode(retryWrittenTwice, forKey: .retryWrittenTwice)
    }
}
