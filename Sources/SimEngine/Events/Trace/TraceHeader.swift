/// What a trace's first line says about the run it records, besides the schema version: the
/// scenario, the seeds and the simrun that wrote it.
public struct TraceHeader: Equatable, Sendable {
    /// The scenario's name.
    public var scenario: String?
    /// The run's seed.
    public var seed: UInt64?
    /// The seed of the interleaving, when it is not the seed.
    public var interleavingSeed: UInt64?
    /// The version of simrun that wrote the trace.
    public var simrun: String?

    public init(scenario: String? = nil, seed: UInt64? = nil, interleavingSeed: UInt64? = nil, simrun: String? = nil) {
        self.scenario = scenario
        self.seed = seed
        self.interleavingSeed = interleavingSeed
        self.simrun = simrun
    }

    /// The header line of a trace of schema `version` (without its newline). Names are written
    /// with any quote, backslash or control character replaced by `_`, so a line needs no escapes.
    public func line(schema version: Int) -> String {
        var line = "{\"\(TraceSchema.headerKey)\":\"simrun\",\"schema\":\(version)"
        if let simrun { line += ",\"simrun\":\"\(Self.plain(simrun))\"" }
        if let scenario { line += ",\"scenario\":\"\(Self.plain(scenario))\"" }
        if let seed { line += ",\"seed\":\(seed)" }
        if let interleavingSeed { line += ",\"interleaving_seed\":\(interleavingSeed)" }
        return line + "}"
    }

    /// The header a parsed first line gives.
    init(_ object: FlatObject) {
        if case .name(let name)? = object.value(of: "scenario") { scenario = name }
        if case .name(let version)? = object.value(of: "simrun") { simrun = version }
        if case .integer(let seed)? = object.value(of: "seed") { self.seed = UInt64(bitPattern: seed) }
        if case .integer(let seed)? = object.value(of: "interleaving_seed") { interleavingSeed = UInt64(bitPattern: seed) }
    }

    private static func plain(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\"" || $0 == "\\" || $0.value < 0x20 ? "_" : Character($0) })
    }
}
