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
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
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

/// Standard error's bytes, read on another thread and taken after it finished.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
