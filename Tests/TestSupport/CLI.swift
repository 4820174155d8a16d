import Foundation

/// Runs the built `twindex` binary, as a user's shell would.
public enum CLI {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// stdout parsed as JSON.
        public var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// The `twindex` executable beside the test bundle (same build folder).
    public static var binary: URL {
        let dir = Bundle.main.bundleURL
        for candidate in [dir.appendingPathComponent("twindex"), dir.deletingLastPathComponent().appendingPathComponent("twindex")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return SharedPaths.packageRoot.appendingPathComponent(".build/debug/twindex")
    }

    @discardableResult
    public static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                           directory: URL? = nil) throws -> Output {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TWINDEX_DB"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes to their end before waiting, so a large output cannot block the child.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let stderrData = stderrBox.data
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// Standard error's bytes, read on another thread and taken after it finished.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
