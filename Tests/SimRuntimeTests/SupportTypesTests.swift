import Foundation
import Testing
@testable import SimSupport
@testable import SimRuntime

@Suite("Durations, heap, hash and files")
struct SupportTypesTests {
    @Test(arguments: [
        ("90s", Duration.seconds(90)), ("5m", .seconds(300)), ("1h", .seconds(3600)),
        ("1h30m", .seconds(5400)), ("250ms", .milliseconds(250)), ("1.5s", .milliseconds(1500)),
        ("20us", .microseconds(20)), ("7ns", .nanoseconds(7)), (" 2m ", .seconds(120)),
    ])
    func durationsParseAsPeopleWriteThem(text: String, expected: Duration) {
        #expect(DurationText.parse(text) == expected)
    }

    @Test(arguments: ["", "90", "5x", "s", "1h30", "-5s", "1..5s", "5 s"])
    func malformedDurationsAreRejected(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(arguments: [(Duration.seconds(90), "90s"), (.seconds(300), "5m"), (.seconds(3600), "1h"),
                      (.milliseconds(250), "250ms"), (.milliseconds(1500), "1500ms"), (.zero, "0s")])
    func durationsFormatInTheirLargestWholeUnit(duration: Duration, text: String) {
        #expect(DurationText.format(duration) == text)
        #expect(DurationText.parse(text) == duration)
    }

    @Test func theHeapOrdersByDeadlineThenInsertion() {
        var heap = DeadlineHeap<String>()
        for (name, deadline) in [("c", 30), ("a1", 10), ("b", 20), ("a2", 10), ("a3", 10)] {
            heap.insert(name, at: Int64(deadline))
        }
        #expect(heap.popFirst(dueBy: 5) == nil)
        var order: [String] = []
        while let next = heap.popFirst(dueBy: .max) { order.append(next) }
        #expect(order == ["a1", "a2", "a3", "b", "c"])
        #expect(heap.isEmpty)
    }

    @Test func theHeapReusesSlotsWithoutMixingElements() {
        var heap = DeadlineHeap<Int>()
        var popped: [Int] = []
        for round in 0..<100 {
            heap.insert(round * 2, at: Int64(round))
            heap.insert(round * 2 + 1, at: Int64(round))
            if let first = heap.popFirst(dueBy: .max) { popped.append(first) }
        }
        while let next = heap.popFirst(dueBy: .max) { popped.append(next) }
        #expect(popped.sorted() == Array(0..<200))
        #expect(popped.count == 200)
    }

    @Test func anAtomicFileAppearsOnlyWhenCommitted() throws {
        let folder = NSTemporaryDirectory() + "atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/summary.json"
        try AtomicFile.write("old\n", to: path)
        let file = try AtomicFile(path: path)
        try file.write(Array("new\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        let discarded = try AtomicFile(path: path)
        try discarded.write(Array("never\n".utf8))
        discarded.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["summary.json"])
    }

    @Test func anAtomicFileInAMissingFolderFailsWithItsPath() {
        do {
            _ = try AtomicFile(path: "/nonexistent-folder/summary.json")
            Issue.record("opening a file in a missing folder succeeded")
        } catch {
            #expect(error.path == "/nonexistent-folder/summary.json")
            #expect(error.reason.contains("No such file"))
        }
    }
}
