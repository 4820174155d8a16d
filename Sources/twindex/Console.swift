import Foundation
import Model

/// Where the CLI writes: results to stdout, everything else (progress, diagnostics) to stderr.
enum Console {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func json(_ value: JSONValue) { out(value.rendered()) }
}

/// Runs a command body and turns errors into one clear line on stderr and exit code 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCodeError {
        throw error.code
    } catch {
        Console.err("twindex: error: \(ErrorMessage.text(error))")
        throw ExitCodeError.failure.code
    }
}

import ArgumentParser

/// An exit code raised from inside `reportingErrors` without a message.
struct ExitCodeError: Error {
    var code: ExitCode
    static let failure = ExitCodeError(code: .failure)
}
