/// The content of a shared document: a sequence of elements, each the id of the edit that
/// inserted it. Rooms, replicas and the convergence checker each keep one and compare digests.
///
/// ```swift
/// var document = DocumentContent()
/// document.apply(.insert(at: 0, element: 7))
/// document.digest   // equal for equal contents, whoever computed it
/// ```
public struct DocumentContent: Equatable, Sendable {
    /// The elements, in document order.
    public private(set) var elements: [UInt64]

    /// A document with `elements`.
    public init(elements: [UInt64] = []) {
        self.elements = elements
    }

    /// The number of elements.
    public var length: Int { elements.count }

    /// Applies `edit`; returns false, changing nothing, when its position is outside the
    /// document (an edit that was not transformed against what came before it).
    @discardableResult
    public mutating func apply(_ edit: DocumentEdit) -> Bool {
        switch edit {
        case .insert(let at, let element):
            guard (0...elements.count).contains(at) else { return false }
            elements.insert(element, at: at)
        case .delete(let at):
            guard elements.indices.contains(at) else { return false }
            elements.remove(at: at)
        case .none:
            break
        }
        return true
    }

    /// The element at `position`, if there is one.
    public func element(at position: Int) -> UInt64? {
        elements.indices.contains(position) ? elements[position] : nil
    }

    /// A 64-bit FNV-1a digest of the elements in order, with the length: equal contents give
    /// equal digests on every platform.
    ///
    /// - Complexity: O(n) in the length.
    public var digest: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            var value = value
            for _ in 0..<8 {
                hash ^= value & 0xff
                hash &*= 0x0000_0100_0000_01b3
                value >>= 8
            }
        }
        mix(UInt64(elements.count))
        for element in elements { mix(element) }
        return hash
    }
}
