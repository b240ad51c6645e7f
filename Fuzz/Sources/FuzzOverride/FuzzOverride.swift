import Scenarios

/// `--set KEY.PATH=VALUE` overrides on quickstart: the input is split at line breaks into up to
/// four overrides, applied in turn and validated. Any input is applied or refused, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOverride(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let overrides = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(4).map(String.init)
    _ = try? ScenarioSource.load("quickstart", overrides: overrides)
    return 0
}
