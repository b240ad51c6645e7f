/// Codes role_change 0, removal 1, deletion 2.
extension PrivilegedActionKind: TraceValue {
    public static var placeholder: PrivilegedActionKind { .roleChange }

    public var traceCode: Int64 {
        switch self {
        case .roleChange: 0
        case .removal: 1
        case .deletion: 2
        }
    }

    public init?(traceCode code: Int64) {
        switch code {
        case 0: self = .roleChange
        case 1: self = .removal
        case 2: self = .deletion
        default: return nil
        }
    }
}
