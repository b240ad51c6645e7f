import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Connection table")
struct ConnectionTableTests {
    @Test func connectionsAreFoundByTheirIdAndOnlyOnTheirNode() {
        var table = ConnectionTable<String>(node: 2)
        let first = table.insert("a")
        let second = table.insert("b")
        let third = table.insert("c")
        #expect(table.count == 3 && table.keys == [first, second, third])
        #expect(Set([first, second, third]).count == 3)
        #expect(table[second] == "b")
        var other = ConnectionTable<String>(node: 3)
        #expect(other.insert("x") != first)
        #expect(table[other.keys[0]] == nil)  // node 3's connection is not node 2's
        #expect(table.removeValue(forKey: second) == "b")
        #expect(table[second] == nil && table.count == 2 && table.keys == [first, third])
        let slot = table.index(forKey: third)!
        table[slot: slot] += "!"
        #expect(table[third] == "c!")
        table[first] = nil
        table[third] = nil
        #expect(table.isEmpty)
    }

    @Test func aClosedConnectionsSlotServesTheNextWithoutItsIdFindingIt() {
        var table = ConnectionTable<Int>(node: 1)
        // A thousand sessions one after another: one slot serves them all.
        var previous: [Int] = []
        for session in 0..<1_000 {
            let id = table.insert(session)
            #expect(table[id] == session)
            for stale in previous.suffix(3) { #expect(table[stale] == nil) }
            #expect(table.removeValue(forKey: id) == session)
            previous.append(id)
        }
        #expect(table.capacity == 1 && table.isEmpty)
        #expect(Set(previous).count == 1_000)
        // Serials follow the node's connections, whatever slot they take.
        #expect(table.nextSerial == 1 << 32 | 1_000)
    }

    @Test func connectionsOpenedAfterReuseAreListedInTheOrderTheyOpened() {
        var table = ConnectionTable<String>(node: 0)
        let a = table.insert("a")
        let b = table.insert("b")
        _ = table.removeValue(forKey: a)
        let c = table.insert("c")  // takes a's slot, which comes first
        #expect(table.index(forKey: c) == 0 && table.keys == [b, c])
        #expect(table.capacity == 2)
    }
}
