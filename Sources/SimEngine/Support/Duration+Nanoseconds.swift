extension Duration {
    /// The duration in whole nanoseconds, truncated toward zero; saturates at the bounds of `Int64`.
    @inlinable
    public var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return sum
    }

    /// The duration in seconds, from ``wholeNanoseconds``.
    @inlinable
    public var inSeconds: Double { Double(wholeNanoseconds) / 1e9 }
}
