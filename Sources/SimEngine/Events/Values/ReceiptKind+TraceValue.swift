/// Codes delivered 0 and read 1, as schema version 1 wrote them.
extension ReceiptKind: TraceValue {
    public static var placeholder: ReceiptKind { .delivered }
    public var traceCode: Int64 { self == .delivered ? 0 : 1 }

    public init?(traceCode code: Int64) {
        switch code {
        case 0: self = .delivered
        case 1: self = .read
        default: return nil
        }
    }
}
