/// One change to a shared document: an element inserted at a position, or the element at a
/// position deleted. Positions count from 0.
///
/// Rooms order edits: each is applied to the document in the room's sequence order, after the
/// room has transformed it against the edits accepted since the revision its author saw
/// (operational transformation with the room as the single sequencer). An edit transformed into
/// nothing (two members deleting the same element) is ``none``.
///
/// ```swift
/// var document = DocumentContent()
/// document.apply(.insert(at: 0, element: 42))
/// ```
public enum DocumentEdit: Hashable, Sendable {
    /// Inserts `element` before the element at `at` (at the end when `at` is the length).
    case insert(at: Int, element: UInt64)
    /// Deletes the element at `at`.
    case delete(at: Int)
    /// Changes nothing.
    case none

    /// What kind of edit it is, as traces name it.
    public var kind: DocumentEditKind {
        switch self {
        case .insert: .insert
        case .delete: .delete
        case .none: .none
        }
    }

    /// The position it changes; 0 for ``none``.
    public var position: Int {
        switch self {
        case .insert(let at, _), .delete(let at): at
        case .none: 0
        }
    }

    /// The element it inserts; 0 otherwise.
    public var element: UInt64 {
        if case .insert(_, let element) = self { element } else { 0 }
    }

    /// The edit a trace's fields describe, or nil if they describe none.
    public init?(kind: DocumentEditKind, position: Int, element: UInt64) {
        guard position >= 0 else { return nil }
        switch kind {
        case .insert: self = .insert(at: position, element: element)
        case .delete: self = .delete(at: position)
        case .none: self = .none
        }
    }
}
