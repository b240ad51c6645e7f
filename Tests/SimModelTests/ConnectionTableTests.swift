import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Connection table")
struct ConnectionTableTests {
    @Test func connectionsAreFoundByTheirIdAndOnlyOnTheirNode() {
        var table = ConnectionTable<String>(node: 2)
        let (first, second, third) = (2 << 32 | 0, 2 << 32 | 1, 2 << 32 | 5)
        table[first] = "a"
        table[third] = "c"
        table[second] = "b"
        #expect(table.count == 3 && table.keys == [first, second, third])
        #expect(table[second] == "b" && table[2 << 32 | 3] == nil)
        #expect(table[3 << 32 | 1] == nil)  // node 3's connection 1 is not here
        #expect(table.removeValue(forKey: second) == "b")
        #expect(table[second] == nil && table.count == 2 && table.keys == [first, third])
        let slot = table.index(forKey: third)!
        table[slot: slot] += "!"
        #expect(table[third] == "c!")
        table[first] = nil
        table[third] = nil
        #expect(table.isEmpty)
    }
}
