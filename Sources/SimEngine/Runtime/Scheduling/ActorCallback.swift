/// A callback into an actor, type-erased so that one callback can serve every target of a
/// fan-out: it is called with the target actor, on the thread that runs the target's executor,
/// between the target's jobs.
@usableFromInline
typealias ActorCallback = (AnyObject) -> Void
