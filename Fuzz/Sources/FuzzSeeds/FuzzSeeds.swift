import Scenarios

/// `--seeds` and `--shard` as explore takes them: any text is parsed or refused; a parsed range
/// prints back to itself, and its shards cover it once.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSeeds(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let range = try? SeedRange(parsing: text) {
        precondition((try? SeedRange(parsing: range.description)) == range, "\(text) does not print back to itself")
        if range.count <= 64 {
            let shards = Int(range.count % 7) + 1
            let covered = (0..<shards).flatMap { range.seeds(in: Shard(index: $0, count: shards)) }
            precondition(covered.count == Int(range.count), "\(shards) shards of \(text) do not cover it once")
        }
    }
    if let shard = try? Shard(parsing: text) {
        precondition((try? Shard(parsing: shard.description)) == shard, "\(text) does not print back to itself")
    }
    return 0
}
