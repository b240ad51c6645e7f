/// Codes in declaration order (realtime 0, email 1, push 2), as schema version 1 wrote them.
extension NotificationChannel: TraceValue {
    public static var placeholder: NotificationChannel { .realtime }
    public var traceCode: Int64 { Int64(Self.allCases.firstIndex(of: self)!) }

    public init?(traceCode code: Int64) {
        guard code >= 0, code < Int64(Self.allCases.count) else { return nil }
        self = Self.allCases[Int(code)]
    }
}
