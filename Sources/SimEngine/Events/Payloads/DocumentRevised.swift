/// A room applied an edit to its shared document, as the room's message with that sequence number, after transforming it against the edits accepted since its author's revision.
public struct DocumentRevised: TraceEventPayload {
    public static let name = "document_revised"
    public static let tag: UInt64 = 20
    public static let meaning = "A room applied an edit to its shared document, as the room's message with that sequence "
        + "number, after transforming it against the edits accepted since its author's revision."

    /// The room whose document it is.
    public var room: Int = .placeholder
    /// The sequence number of the message that carried the edit: the document's revision.
    public var sequence: Int = .placeholder
    /// The edit's author.
    public var user: Int = .placeholder
    /// What the edit does, as applied.
    public var edit: DocumentEditKind = .placeholder
    /// Where it applies.
    public var position: Int = .placeholder
    /// The element it inserts.
    public var element: UInt64 = .placeholder
    /// The document's length after it.
    public var length: Int = .placeholder
    /// The document's digest after it.
    public var digest: UInt64 = .placeholder

    public init() {}

    public init(room: Int, sequence: Int, user: Int, edit: DocumentEdit, length: Int, digest: UInt64) {
        self.room = room
        self.sequence = sequence
        self.user = user
        self.edit = edit.kind
        self.position = edit.position
        self.element = edit.element
        self.length = length
        self.digest = digest
    }

    /// The edit as applied, or nil if the fields describe none.
    public var documentEdit: DocumentEdit? { DocumentEdit(kind: edit, position: position, element: element) }

    public mutating func fields<Coder: TraceFieldCoder>(_ coder: inout Coder) {
        coder.field("room", &room, "the room whose document it is")
        coder.field("sequence", &sequence, "the sequence number of the message that carried the edit: the document's revision")
        coder.field("user", &user, "the edit's author")
        coder.field("edit", &edit, "what the edit does, as applied")
        coder.field("position", &position, "where it applies")
        coder.field("element", &element, "the element it inserts")
        coder.field("length", &length, "the document's length after it")
        coder.field("digest", &digest, "the document's digest after it")
    }

    public var event: TraceEvent { .documentRevised(self) }
}
