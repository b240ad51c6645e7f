import Testing
import SimEvents
import SimRuntime

/// The merge of live mode's per-worker trace buffers: one stream in time order, nothing released
/// while a worker could still record something earlier, nothing held back once none can.
@Suite("Trace merge")
struct TraceMergeTests {
    private func entry(_ user: Int, at nanoseconds: Int64) -> TraceMerge.Entry {
        TraceMerge.Entry(event: MessageDelivered(user: user, room: 0, sequence: 1).event,
                         time: SimulationInstant(nanoseconds: nanoseconds))
    }

    private func released(_ merge: inout TraceMerge) -> [Int64] {
        var times: [Int64] = []
        merge.release { times.append($0.time.nanoseconds) }
        return times
    }

    @Test func aBusyWorkerHoldsBackWhatIsLaterThanItsWatermark() {
        var merge = TraceMerge(workers: 2)
        var batch = [entry(1, at: 10), entry(1, at: 30)]
        merge.hand(&batch, from: 1, watermark: SimulationInstant(nanoseconds: 35))
        #expect(batch.isEmpty)
        // Worker 1 has promised nothing past its start yet.
        #expect(released(&merge).isEmpty)
        var other = [entry(2, at: 20)]
        merge.hand(&other, from: 2, watermark: SimulationInstant(nanoseconds: 25))
        // 10 and 20 can no longer be preceded; 30 waits, for worker 2 promised only 25.
        #expect(released(&merge) == [10, 20])
        #expect(merge.waiting == 1)
        var none: [TraceMerge.Entry] = []
        merge.hand(&none, from: 2, watermark: SimulationInstant(nanoseconds: 40))
        #expect(released(&merge) == [30])
        #expect(merge.waiting == 0)
    }

    @Test func anIdleWorkerHoldsNothingBack() {
        var merge = TraceMerge(workers: 2)
        var none: [TraceMerge.Entry] = []
        merge.hand(&none, from: 2, watermark: nil)
        var batch = [entry(1, at: 5), entry(1, at: 7)]
        merge.hand(&batch, from: 1, watermark: SimulationInstant(nanoseconds: 8))
        #expect(released(&merge) == [5, 7])
        // Waking, the worker promises nothing earlier than its clock again.
        merge.hand(&none, from: 2, watermark: SimulationInstant(nanoseconds: 9))
        var later = [entry(1, at: 12)]
        merge.hand(&later, from: 1, watermark: SimulationInstant(nanoseconds: 13))
        #expect(released(&merge).isEmpty)
        merge.hand(&none, from: 2, watermark: nil)
        #expect(released(&merge) == [12])
    }

    @Test func otherThreadsEventsWaitForTheWorkersLikeAnyOther() {
        var merge = TraceMerge(workers: 1)
        var mine = [entry(9, at: 50)]
        merge.hand(&mine, from: 0, watermark: nil)
        #expect(released(&merge).isEmpty, "worker 0 may still record before 50")
        var batch = [entry(1, at: 40)]
        merge.hand(&batch, from: 1, watermark: SimulationInstant(nanoseconds: 60))
        #expect(released(&merge) == [40, 50])
    }

    @Test func aBatchOutOfOrderIsPutInOrderKeepingEqualTimesAsRecorded() {
        var merge = TraceMerge(workers: 1)
        var batch = [entry(1, at: 20), entry(2, at: 10), entry(3, at: 20), entry(4, at: 15)]
        merge.hand(&batch, from: 1, watermark: nil)
        var users: [Int] = []
        merge.release { entry in
            guard case .messageDelivered(let delivered) = entry.event else { return }
            users.append(delivered.user)
        }
        #expect(users == [2, 4, 1, 3])
    }

    @Test func aSourceOutsideTheMergeIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            var merge = TraceMerge(workers: 1)
            var none: [TraceMerge.Entry] = []
            merge.hand(&none, from: 2, watermark: nil)
        }
    }

    /// Workers on a shared clock record, hand messages to each other (the receiver records only
    /// after the sender recorded), flush, go idle and wake, in an order a seeded stream picks;
    /// whatever the order, the stream comes out in time order, hence with every cause before its
    /// effect, and nothing is left once every worker is idle.
    @Test(arguments: 1...40)
    func anyScheduleOfWorkersComesOutInTimeOrderAndWhole(seed: UInt64) {
        let workers = 1 + Int(seed % 4)
        var random = RandomStream(seed: seed, stream: "trace-merge")
        var merge = TraceMerge(workers: workers)
        var buffers = Array(repeating: [TraceMerge.Entry](), count: workers)
        var idle = Array(repeating: false, count: workers)
        var clock: Int64 = 0
        var recorded = 0
        var out: [Int64] = []
        for _ in 0..<2_000 {
            clock += Int64(random.next(below: 3))  // equal times happen too
            let worker = Int(random.next(below: UInt64(workers)))
            switch random.next(below: 10) {
            case 0..<6:
                if idle[worker] {
                    // Wakes: promises its clock before recording anything.
                    merge.hand(&buffers[worker], from: worker + 1, watermark: SimulationInstant(nanoseconds: clock))
                    idle[worker] = false
                }
                buffers[worker].append(entry(worker, at: clock))
                recorded += 1
            case 6..<9 where !idle[worker]:
                merge.hand(&buffers[worker], from: worker + 1, watermark: SimulationInstant(nanoseconds: clock))
            default:
                if !idle[worker] {
                    merge.hand(&buffers[worker], from: worker + 1, watermark: nil)
                    idle[worker] = true
                }
            }
            merge.release { out.append($0.time.nanoseconds) }
        }
        for worker in 0..<workers where !buffers[worker].isEmpty || !idle[worker] {
            merge.hand(&buffers[worker], from: worker + 1, watermark: nil)
        }
        merge.release { out.append($0.time.nanoseconds) }
        #expect(merge.waiting == 0)
        #expect(out.count == recorded)
        #expect(zip(out, out.dropFirst()).allSatisfy { $0 <= $1 }, "released out of time order")
    }
}
