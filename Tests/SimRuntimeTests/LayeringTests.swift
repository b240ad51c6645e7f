import Foundation
import Testing

/// The runtime is the bottom layer: it schedules, keeps time and draws random numbers for any
/// model, and knows nothing of the one it runs. (The targets' dependencies make every other
/// back-edge fail to compile; words in comments would not.)
@Suite("Layering")
struct LayeringTests {
    private static let chatConcepts = ["room", "gateway", "client", "checker", "guarantee", "notification", "receipt"]

    @Test func theRuntimeNamesNoChatConcept() throws {
        let runtime = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SimEngine/Runtime")
        let files = try #require(FileManager.default.enumerator(at: runtime, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        let words = try Regex("(?i)\\b(" + Self.chatConcepts.joined(separator: "|") + ")s?\\b")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(line.firstMatch(of: words) == nil, "\(file.lastPathComponent):\(number + 1): \(line)")
            }
        }
    }
}
