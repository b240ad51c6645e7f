extension Comparable {
    /// Raises the value to `other` when `other` is greater.
    ///
    /// On a dictionary's `default:` subscript it reads and writes an entry with one lookup,
    /// where assigning `max` of a read takes two:
    ///
    /// ```swift
    /// highest[room, default: 0].raise(toAtLeast: sequence)
    /// ```
    @inlinable
    public mutating func raise(toAtLeast other: Self) {
        if other > self { self = other }
    }

    /// Lowers the value to `other` when `other` is smaller; see ``raise(toAtLeast:)``.
    @inlinable
    public mutating func lower(toAtMost other: Self) {
        if other < self { self = other }
    }
}
