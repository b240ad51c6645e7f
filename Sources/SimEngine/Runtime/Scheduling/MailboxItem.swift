/// What waits in an actor's mailbox in simulation mode: one of its task jobs or a callback.
enum MailboxItem {
    case job(UnownedJob)
    case call(ActorCallback, target: AnyObject)
}
