import Scenarios
import SimSupport

/// Scenario files as `simrun run FILE` reads them: the bytes are checked as text, decoded as
/// YAML or JSON and validated, then budgeted. Any input is accepted or refused with a
/// located error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? ConfigurationFile.text(of: bytes, file: "fuzz.yaml"),
          let scenario = try? ConfigurationFile.decode(ChatScenario.self, from: text, file: "fuzz.yaml") else { return 0 }
    do throws(ConfigurationError) {
        try scenario.validate()
        try RunBudget(for: scenario).check(memoryAvailable: 24e9)
    } catch {
        _ = error.description
    }
    _ = ConfigurationFile.line(of: "system.gateway.nodes", in: text)
    return 0
}
