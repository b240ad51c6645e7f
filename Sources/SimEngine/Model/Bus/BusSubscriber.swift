public import SimRuntime

/// A node that receives what other nodes publish on the bus.
public protocol BusSubscriber<Message>: ModelActor {
    associatedtype Message: Sendable
    /// The node's id on the bus.
    nonisolated var busNode: Int { get }
    /// Receives a message another node published; `offset` is its place in a stream bus's log.
    func receiveFromBus(_ message: Message, offset: Int)
}
