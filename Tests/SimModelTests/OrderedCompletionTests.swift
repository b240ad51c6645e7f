import Testing
import SimEvents
@testable import SimModel
import SimRuntime

@Suite("Ordered completion")
struct OrderedCompletionTests {
    @Test func workFinishingOutOfOrderIsReleasedInStartOrder() {
        var order = OrderedCompletion<String>()
        let (a, b, c) = (order.start(), order.start(), order.start())
        #expect(order.finish(c, "c").isEmpty)
        #expect(order.finish(b, "b").isEmpty)
        #expect(order.finish(a, "a") == ["a", "b", "c"])
        #expect(order.inFlight == 0)
        let d = order.start()
        #expect(order.finish(d, "d") == ["d"])
    }
}
