import Foundation
import Model
import Store

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

/// Runs a command body and turns errors into one clear line on stderr and exit code 1, or
/// 64 (EX_USAGE) for a usage error found only while running.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCodeError {
        throw error.code
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

import ArgumentParser

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
        case .emptyStatement, .unknownParameter: return true
        default: return false
        }
    }
}
