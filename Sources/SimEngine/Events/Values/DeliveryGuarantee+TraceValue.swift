/// Codes 0, 1, 2 in declaration order, as schema version 1 wrote them.
extension DeliveryGuarantee: TraceValue {
    public static var placeholder: DeliveryGuarantee { .atMostOnce }
    public var traceCode: Int64 { Int64(Self.allCases.firstIndex(of: self)!) }

    public init?(traceCode code: Int64) {
        guard code >= 0, code < Int64(Self.allCases.count) else { return nil }
        self = Self.allCases[Int(code)]
    }
}
