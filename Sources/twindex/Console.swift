import ArgumentParser
import Foundation
import Model
import Output
import Store

/// Where the CLI writes: results to stdout, everything else (progress, diagnostics) to stderr.
/// A result that cannot be written throws `OutputError`: `reportingErrors` ends quietly for
/// a closed pipe and with one line and exit 1 for anything else.
enum Console {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes `text` and a line break.
    static func out(_ text: String) throws { try write(text + "\n") }

    /// Writes `text` as it is.
    static func write(_ text: String) throws {
        let output = BufferedOutput()
        output.write(text)
        try output.flush()
    }

    /// Diagnostics: a failure to write them has nowhere to be reported, so it is ignored.
    static func err(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    static func json(_ value: JSONValue) throws { try out(value.rendered()) }
}

/// Runs a command body and turns errors into one clear line on stderr and exit code 1, or
/// 64 (EX_USAGE) for a usage error found only while running. A closed pipe on standard
/// output ends the command quietly (exit 0: the reader, say `head`, has what it wanted).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCodeError {
        throw error.code
    } catch let error as OutputError where error.isClosedPipe {
        return
    } catch let error as OutputError where error.path == nil {
        Console.err("twindex: \(error)")
        throw ExitCodeError.failure.code
    } catch let error as UsageError {
        Console.err("twindex: error: \(error.message)")
        throw ExitCode.validationFailure
    } catch let error as StoreError where error.isUsage {
        Console.err("twindex: error: \(ErrorMessage.text(error))")
        throw ExitCode.validationFailure
    } catch {
        Console.err("twindex: error: \(ErrorMessage.text(error))")
        throw ExitCodeError.failure.code
    }
}

/// An exit code raised from inside `reportingErrors` without a message.
struct ExitCodeError: Error {
    var code: ExitCode
    static let failure = ExitCodeError(code: .failure)
}

/// A usage error (exit 64) that can only be found once the command runs, such as a
/// parameter the saved query does not have.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension StoreError {
    /// Errors in what the user typed rather than in the store: exit 64.
    var isUsage: Bool {
        switch self {
        case .emptyStatement, .unknownParameter, .missingParameter: return true
        default: return false
        }
    }
}
