import SimSupport

/// Durations as flags and files write them (`90s`, `1h30m`, `250ms`): any text is parsed or
/// refused, never a crash, and what is parsed formats back to the same duration.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDuration(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let duration = DurationText.parse(text) else { return 0 }
    precondition(DurationText.parse(DurationText.format(duration)) == duration, "'\(text)' does not format back")
    _ = DurationText.seconds(nanoseconds: duration.wholeNanoseconds)
    return 0
}
