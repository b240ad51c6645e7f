public import SimEvents

/// A client's replica of its room's shared document, and its decisions: a value with no clock
/// or I/O that takes the room's messages in order and returns actions.
///
/// The user sees ``content`` at once, own edits included. The room is the single sequencer:
/// each edit comes back in the room's order, transformed against the edits accepted before it.
/// The client keeps at most one edit of its own unconfirmed (the room's copy of it has not come
/// back in order yet); each edit of others that arrives meanwhile is transformed against it, and
/// it against them, so the replica ends where the room's document is (operational
/// transformation with one edit in flight, as Jupiter and its successors do).
///
/// - A replica starts without content: it asks for the document, holds back the messages that
///   arrive meanwhile, and applies those after the document's revision once it comes.
/// - A gap the client reports (messages it cannot have) may hold edits: the replica asks for
///   the document again.
/// - An own edit given up or refused is undone.
/// - Whenever no own edit is unconfirmed after an edit applies, the replica has settled: its
///   content must be the document's at that revision.
///
/// ```swift
/// var replica = DocumentReplica()
/// for action in replica.restore(DocumentContent(), at: 10) { … }   // .settled(at: 10, …)
/// ```
public struct DocumentReplica: Equatable, Sendable {
    /// What the client must do.
    public enum Action: Equatable, Sendable {
        /// The replica settled at `sequence`: record its length and digest.
        case settled(at: Int, length: Int, digest: UInt64)
        /// Ask the room for its document.
        case requestDocument
    }

    /// An own edit the room has not confirmed yet.
    public struct Unconfirmed: Equatable, Sendable {
        /// Its client message id.
        public var id: UInt64
        /// The edit as it applies to the replica now, transformed against what came since.
        public var edit: DocumentEdit
        /// The element a delete removed, to put back if the edit is undone.
        public var removed: UInt64?
    }

    /// What the user sees.
    public private(set) var content = DocumentContent()
    /// The room sequence number the replica has applied up to.
    public private(set) var sequence = 0
    /// The own edit waiting for the room's copy.
    public private(set) var unconfirmed: Unconfirmed?
    /// Whether the replica waits for the room's document.
    public private(set) var awaitingDocument = true
    /// A message that arrived while the replica waited for the document.
    private struct HeldBack: Equatable, Sendable {
        var sequence: Int
        var edit: DocumentEdit?
        var own: UInt64?
    }

    private var heldBack: [HeldBack] = []

    /// A replica that has no content yet: it asks for the document first.
    public init() {}

    /// Whether the user may make an edit now: the document is there and no own edit is
    /// unconfirmed.
    public var isReady: Bool { !awaitingDocument && unconfirmed == nil }

    /// The room's document as of `sequence` arrived. Held-back edits after it are applied.
    public mutating func restore(_ document: DocumentContent, at sequence: Int) -> ActionList<Action> {
        guard awaitingDocument else { return ActionList() }
        awaitingDocument = false
        content = document
        self.sequence = sequence
        // An own edit, if any, is in the document, or will come after it as a message.
        unconfirmed = nil
        let held = heldBack
        heldBack = []
        var actions = ActionList<Action>(settled)
        for message in held where message.sequence > sequence {
            for action in apply(message.sequence, message.edit, own: message.own) { actions.append(action) }
        }
        return actions
    }

    /// The room's message `sequence` was shown, carrying `edit` (nil for a chat message); `own`
    /// is its client message id when the user sent it.
    public mutating func receive(_ sequence: Int, edit: DocumentEdit?, own: UInt64?) -> ActionList<Action> {
        guard !awaitingDocument else {
            heldBack.append(HeldBack(sequence: sequence, edit: edit, own: own))
            return ActionList()
        }
        return apply(sequence, edit, own: own)
    }

    /// Messages the client cannot have were reported missing: edits among them are lost to the
    /// replica, which asks for the document again.
    public mutating func lost() -> ActionList<Action> {
        guard !awaitingDocument else { return ActionList() }
        awaitingDocument = true
        heldBack = []
        return ActionList(.requestDocument)
    }

    /// The user makes `edit` (on ``content``) as message `id`; returns the request to send, or nil
    /// if the replica is not ready.
    public mutating func begin(_ edit: DocumentEdit, id: UInt64) -> EditRequest? {
        guard isReady else { return nil }
        let removed = if case .delete(let at) = edit { content.element(at: at) } else { UInt64?.none }
        guard content.apply(edit) else { return nil }
        unconfirmed = Unconfirmed(id: id, edit: edit, removed: removed)
        return EditRequest(edit, base: sequence)
    }

    /// The own edit `id` was given up or refused: it is undone, and the replica settles.
    public mutating func abandon(_ id: UInt64) -> ActionList<Action> {
        guard let pending = unconfirmed, pending.id == id else { return ActionList() }
        switch pending.edit {
        case .insert(let at, _): content.apply(.delete(at: at))
        case .delete(let at): if let removed = pending.removed { content.apply(.insert(at: at, element: removed)) }
        case .none: break
        }
        unconfirmed = nil
        return ActionList(settled)
    }

    private mutating func apply(_ sequence: Int, _ edit: DocumentEdit?, own: UInt64?) -> ActionList<Action> {
        guard sequence > self.sequence else { return ActionList() }
        self.sequence = sequence
        guard let edit else { return ActionList() }
        if let pending = unconfirmed {
            if own == pending.id {
                // The room's copy of the own edit: it is already in the content.
                unconfirmed = nil
                return ActionList(settled)
            }
            content.apply(edit.transformed(against: pending.edit))
            unconfirmed?.edit = pending.edit.transformed(against: edit)
            return ActionList()
        }
        content.apply(edit)
        return ActionList(settled)
    }

    private var settled: Action { .settled(at: sequence, length: content.length, digest: content.digest) }
}
