import Foundation

/// How `simrun` marks results on a terminal: ✓ and ✗, in green and red.
///
/// On a terminal (standard output is a TTY) results carry the marks and colour; `NO_COLOR`
/// (any value, as no-color.org asks) keeps the marks and drops the colour; elsewhere (a pipe, a
/// CI log) the text stays plain unless `CLICOLOR_FORCE` is set to something other than `0`.
struct TerminalStyle: Sendable {
    /// Whether results carry ✓ and ✗.
    let marks: Bool
    /// Whether results are coloured.
    let colour: Bool

    init(isTerminal: Bool, environment: [String: String]) {
        let forced = environment["CLICOLOR_FORCE"].map { !$0.isEmpty && $0 != "0" } ?? false
        marks = isTerminal || forced
        colour = marks && environment["NO_COLOR"] == nil
    }

    /// The style of this process's standard output.
    static var standardOutput: TerminalStyle {
        TerminalStyle(isTerminal: isatty(STDOUT_FILENO) != 0, environment: ProcessInfo.processInfo.environment)
    }

    /// `text` marked as a success.
    func pass(_ text: String) -> String { styled(text, mark: "✓", code: "32") }

    /// `text` marked as a failure.
    func fail(_ text: String) -> String { styled(text, mark: "✗", code: "31") }

    private func styled(_ text: String, mark: String, code: String) -> String {
        guard marks else { return text }
        let marked = mark + " " + text
        return colour ? "\u{1B}[\(code)m" + marked + "\u{1B}[0m" : marked
    }
}
