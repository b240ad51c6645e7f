/// An actor of the model, isolated to an ``ActorExecutor`` of an ``Engine``.
///
/// Conforming actors store their executor and return it as their `unownedExecutor`; the engine
/// can then deliver scheduled callbacks to them without starting a task
/// (``Engine/send(to:after:_:)``).
public protocol ModelActor: Actor {
    /// The executor every job of this actor runs on.
    nonisolated var executor: ActorExecutor { get }
}
