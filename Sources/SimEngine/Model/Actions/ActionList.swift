/// The actions a state machine asks for, in order: the first kept inline, so that the common
/// answer of one action allocates nothing, and any others in an array.
///
/// ```swift
/// for action in reception.receive(message, at: now, refetchAfter: timeout) { perform(action) }
/// ```
public struct ActionList<Action>: Sequence {
    private var first: Action?
    private var rest: [Action] = []

    /// No action.
    public init() {}

    /// One action.
    public init(_ action: Action) {
        first = action
    }

    /// Appends `action`.
    public mutating func append(_ action: Action) {
        if first == nil { first = action } else { rest.append(action) }
    }

    /// Whether there is no action.
    public var isEmpty: Bool { first == nil }

    public func makeIterator() -> Iterator {
        Iterator(first: first, rest: rest.makeIterator())
    }

    /// Yields the first action, then the others.
    public struct Iterator: IteratorProtocol {
        var first: Action?
        var rest: IndexingIterator<[Action]>

        public mutating func next() -> Action? {
            if let action = first {
                first = nil
                return action
            }
            return rest.next()
        }
    }
}

extension ActionList: Sendable where Action: Sendable {}
extension ActionList: Equatable where Action: Equatable {}
