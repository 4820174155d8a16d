import Foundation

/// Runs a program to its end and collects what it printed, as a user's shell would.
public enum Subprocess {
    /// What a finished program left behind.
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// stdout parsed as JSON.
        public var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// Runs `executable` with `arguments`; `environment` entries override (nil removes) the
    /// inherited ones. Both pipes are read to their end, and stdin written, on separate threads
    /// before waiting, so neither a large input nor a large output can block the child.
    @discardableResult
    public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String?] = [:], directory: URL? = nil) throws -> Output {
        let p = process(executable, arguments, environment: environment)
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        let stderrBox = DataBox()
        let group = DispatchGroup()
        // stdin is written on its own thread: a child that prints while it reads would
        // otherwise fill the stdout pipe and wait on us while we wait on it.
        group.enter()
        DispatchQueue.global().async {
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            stderrBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrBox.data, as: UTF8.self))
    }
}

extension Subprocess {
    /// Where a program's standard output goes when it is not collected.
    public enum Destination {
        /// A file opened for writing (`/dev/full`: every write fails with ENOSPC).
        case file(String)
        /// A pipe whose reader has gone away before the program writes (as `| head` does
        /// once it has its lines): writes beyond the pipe's buffer fail with EPIPE.
        case closedPipe
    }

    /// Runs `executable` with its standard output sent to `destination`; the Output's
    /// stdout is empty, its stderr collected. A program killed by a signal has a status of
    /// 128 + the signal, as a shell reports it.
    @discardableResult
    public static func run(_ executable: URL, _ arguments: [String], stdout destination: Destination,
                           environment: [String: String?] = [:]) throws -> Output {
        let p = process(executable, arguments, environment: environment)
        let err = Pipe()
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        switch destination {
        case .file(let path):
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
            p.standardOutput = handle
        case .closedPipe:
            p.standardOutput = pipe
        }
        try p.run()
        if case .closedPipe = destination { try pipe.fileHandleForReading.close() }
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
        return Output(status: status, stdout: "", stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

extension Subprocess {
    /// `executable` with `arguments`, in the inherited environment with `environment`'s
    /// entries overriding (nil removes).
    private static func process(_ executable: URL, _ arguments: [String], environment: [String: String?]) -> Process {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        return p
    }
}

/// Standard error's bytes, read on another thread and taken after it finished.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
