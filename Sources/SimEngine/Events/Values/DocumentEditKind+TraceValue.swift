/// Codes insert 0, delete 1, none 2.
extension DocumentEditKind: TraceValue {
    public static var placeholder: DocumentEditKind { .none }

    public var traceCode: Int64 {
        switch self {
        case .insert: 0
        case .delete: 1
        case .none: 2
        }
    }

    public init?(traceCode code: Int64) {
        switch code {
        case 0: self = .insert
        case 1: self = .delete
        case 2: self = .none
        default: return nil
        }
    }
}
