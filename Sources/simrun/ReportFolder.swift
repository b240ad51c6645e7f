#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import SimSupport

/// The folder a command writes its reports into (`--out`), and the rule it writes them by: all
/// or none. Each report is written in full under a temporary name, and only when all are
/// written, and no signal asked the command to end, are they renamed into place; a signal that
/// arrives while they are renamed removes them again.
struct ReportFolder {
    /// The folder's path.
    let path: String
    /// Every file the command may write there, including ones written apart (a trace).
    let names: [String]
    /// Recognises the other files the command writes there (numbered ones).
    let alsoWritten: (String) -> Bool

    /// Makes sure `path` is a folder this process can write into, before any work rather than
    /// after it, and removes the reports of a previous command from it (`names`), so that no
    /// report of another run is left beside this one's.
    ///
    /// - Throws: an exit code of ``ExitStatus/badInput``, the problem printed.
    init(_ path: String, names: [String], alsoWritten: @escaping (String) -> Bool = { _ in false }) throws {
        self.path = path
        self.names = names
        self.alsoWritten = alsoWritten
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw ExitStatus.badInput.reported("--out \(path): is a file, not a folder; give a folder path") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw ExitStatus.badInput.reported(
                    "--out \(path): cannot create the folder (\(error.localizedDescription)); give a writable path")
            }
        }
        do {
            try AtomicFile(path: "\(path)/\(names.first ?? "report")").discard()
        } catch {
            throw ExitStatus.badInput.reported("--out \(path): cannot write there (\(error.reason)); give a writable folder")
        }
        removeReports()
    }

    /// Removes every report this command writes from the folder.
    private func removeReports() {
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter(alsoWritten)
        for name in names + others { unlink("\(path)/\(name)") }
    }

    /// Writes every report, or none.
    ///
    /// - Throws: an exit code: ``ExitStatus/internalError`` when a report cannot be written, or
    ///   the signal's when one asked the command to end.
    func write(_ reports: [(name: String, text: () throws -> String)]) throws {
        var files: [AtomicFile] = []
        do {
            for report in reports {
                let file = try AtomicFile(path: "\(path)/\(report.name)")
                files.append(file)
                try file.write(Array(try report.text().utf8))
                if Interruption.isRequested() { break }
            }
        } catch {
            files.forEach { $0.discard() }
            throw ExitStatus.internalError.reported("\(error)")
        }
        guard !Interruption.isRequested() else {
            files.forEach { $0.discard() }
            throw interrupted("\(Interruption.signalName) while the reports were written")
        }
        do {
            for file in files { try file.commit() }
        } catch {
            throw ExitStatus.internalError.reported("\(error)")
        }
        if Interruption.isRequested() {
            removeReports()
            throw interrupted("\(Interruption.signalName) while the reports were written")
        }
    }

    /// Prints that the command was interrupted by `what`, removes what it left half-written,
    /// and returns the exit code for the signal.
    func interrupted(_ what: String) -> ExitCode {
        Interruption.removePartialFiles(in: path)
        FileHandle.standardError.write(Data("simrun: interrupted by \(what); no reports were written\n".utf8))
        return ExitCode(Interruption.exitCode)
    }
}
