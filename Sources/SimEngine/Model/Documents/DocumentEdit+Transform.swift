public import SimEvents

extension DocumentEdit {
    /// This edit as it must apply after `other`, which was applied first: positions after
    /// `other`'s shift, and deleting an element `other` already deleted becomes ``none``.
    ///
    /// Two inserts at one position keep the order of their elements' ids, so every replica
    /// orders them alike; with equal ids (one edit applied twice) the elements are equal and
    /// either order gives the same document. For any `a` and `b` on the same document,
    /// applying `a` then `b.transformed(against: a)` gives what applying `b` then
    /// `a.transformed(against: b)` gives.
    ///
    /// ```swift
    /// DocumentEdit.delete(at: 4).transformed(against: .insert(at: 1, element: 9))   // .delete(at: 5)
    /// ```
    public func transformed(against other: DocumentEdit) -> DocumentEdit {
        switch (self, other) {
        case (.none, _):
            return .none
        case (_, .none):
            return self
        case (.insert(let mine, let element), .insert(let theirs, let otherElement)):
            return mine < theirs || (mine == theirs && element <= otherElement) ? self : .insert(at: mine + 1, element: element)
        case (.insert(let mine, let element), .delete(let theirs)):
            return mine <= theirs ? self : .insert(at: mine - 1, element: element)
        case (.delete(let mine), .insert(let theirs, _)):
            return mine < theirs ? self : .delete(at: mine + 1)
        case (.delete(let mine), .delete(let theirs)):
            return mine < theirs ? self : mine > theirs ? .delete(at: mine - 1) : .none
        }
    }
}
