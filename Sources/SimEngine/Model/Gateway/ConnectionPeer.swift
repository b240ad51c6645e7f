public import SimRuntime

/// The client end of a gateway connection.
public protocol ConnectionPeer: ModelActor {
    /// A frame arrived over the connection.
    func receive(_ frame: ServerFrame)
    /// The gateway closed the connection.
    func connectionClosed(_ reason: CloseReason)
}
