public import SimEvents

/// An edit a client sends its room, with the revision it was made on: the room transforms it
/// against the edits it accepted after that revision before applying it.
public struct EditRequest: Equatable, Sendable {
    /// The edit, on the author's document at `base`.
    public var edit: DocumentEdit
    /// The room sequence number the author's document had reached when the edit was made.
    public var base: Int

    public init(_ edit: DocumentEdit, base: Int) {
        self.edit = edit
        self.base = base
    }
}
