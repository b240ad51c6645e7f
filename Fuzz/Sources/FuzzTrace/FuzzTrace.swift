import SimEvents

/// Trace files as `simrun check` reads them, sealed and with `--allow-unsealed`: any text is
/// read or refused with the line named, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrace(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TraceReader.events(in: text)
    _ = try? TraceReader.events(in: text, options: TraceReader.Options(allowUnsealed: true))
    return 0
}
