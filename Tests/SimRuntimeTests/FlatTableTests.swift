import Testing
@testable import SimSupport
@testable import SimRuntime

@Suite("Flat tables")
struct FlatTableTests {
    /// A key whose hash sends every key to one home slot: every lookup probes past the others.
    struct Colliding: FlatKey {
        var value: Int
        var flatHash: UInt64 { 0x1234_5678_9ABC_DEF0 }
    }

    @Test func lookupsInsertsAndInPlaceChangesAgreeWithADictionary() {
        var table = FlatTable<Int, Int>()
        var reference: [Int: Int] = [:]
        var random = RandomStream(seed: 11, stream: "flat-table")
        for _ in 0..<20_000 {
            let key = Int(random.next(below: 600)) - 300
            switch random.next(below: 4) {
            case 0:
                let value = Int(random.next(below: 1_000))
                table[key] = value
                reference[key] = value
            case 1:
                #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key))
            case 2:
                table[key, default: 0] += 3
                reference[key, default: 0] += 3
            default:
                if let slot = table.index(forKey: key) {
                    table[slot: slot] -= 1
                    reference[key]! -= 1
                }
            }
            #expect(table[key] == reference[key])
        }
        #expect(table.count == reference.count)
        #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) }) == reference)
    }

    @Test func removalKeepsEveryCollidingEntryReachable() {
        var table = FlatTable<Colliding, Int>()
        for value in 0..<40 { table[Colliding(value: value)] = value }
        for value in stride(from: 0, to: 40, by: 3) { table.removeValue(forKey: Colliding(value: value)) }
        for value in 0..<40 {
            #expect(table[Colliding(value: value)] == (value % 3 == 0 ? nil : value))
        }
        #expect(table.count == 40 - 14)
    }

    @Test func theOrderOfIterationFollowsTheInsertsAlone() {
        func built() -> [Int] {
            var table = FlatTable<Int, Int>()
            for key in [90, 3, 57, 1_000_003, -8, 42, 7] { table[key] = key }
            table.removeValue(forKey: 57)
            return table.map(\.key)
        }
        let order = built()
        #expect(order == built())
        #expect(Set(order) == [90, 3, 1_000_003, -8, 42, 7])
        // Mixed hashes, not the keys' own order.
        #expect(order != order.sorted())
    }

    @Test func aCopyIsNotChangedByTheOriginal() {
        var table = FlatTable<Int, [Int]>()
        table[1] = [1]
        let copy = table
        table[1, default: []].append(2)
        table[2] = [2]
        if let slot = table.index(forKey: 1) { table[slot: slot].append(3) }
        #expect(copy[1] == [1])
        #expect(copy.count == 1)
        #expect(table[1] == [1, 2, 3])
    }

    @Test func growingKeepsEveryEntryAndRemoveAllEmpties() {
        var table = FlatTable<Int, String>(minimumCapacity: 2)
        for key in 0..<5_000 { table[key * 7_919] = "\(key)" }
        #expect(table.count == 5_000)
        #expect((0..<5_000).allSatisfy { table[$0 * 7_919] == "\($0)" })
        table.removeAll()
        #expect(table.isEmpty)
        #expect(table[0] == nil)
        table[4] = "four"
        #expect(table.map(\.value) == ["four"])
    }

    @Test func anEmptyTableAllocatesNothingUntilItsFirstInsert() {
        var table = FlatTable<Int, Int>()
        #expect(table.storage == nil)
        #expect(table.index(forKey: 3) == nil && table[3] == nil && table.isEmpty && Array(table).isEmpty)
        table.removeValue(forKey: 3)
        table.removeAll()
        #expect(table.storage == nil)
        let empty = table
        table[3] = 9
        #expect(table.storage != nil && empty.storage == nil)
        #expect(FlatTable<Int, Int>(minimumCapacity: 100).storage != nil)
    }

    @Test func combinedHashesTellOrderApart() {
        #expect(FlatHash.combine(1, 2) != FlatHash.combine(2, 1))
        #expect(FlatHash.combine(1, 2, 3) != FlatHash.combine(1, 3, 2))
        #expect(FlatHash.mix(0) != FlatHash.mix(1))
    }
}
