import Foundation

/// Runs the built `twindex` binary, as a user's shell would.
public enum CLI {
    public typealias Output = Subprocess.Output

    /// The `twindex` executable beside the test bundle (same build folder).
    public static var binary: URL {
        let dir = Bundle.main.bundleURL
        for candidate in [dir.appendingPathComponent("twindex"), dir.deletingLastPathComponent().appendingPathComponent("twindex")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return SharedPaths.packageRoot.appendingPathComponent(".build/debug/twindex")
    }

    /// Runs `twindex arguments…` with `TWINDEX_DB` unset unless `environment` sets it.
    @discardableResult
    public static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                           directory: URL? = nil) throws -> Output {
        var env: [String: String?] = ["TWINDEX_DB": nil]
        for (k, v) in environment { env[k] = v }
        return try Subprocess.run(binary, arguments, stdin: stdin, environment: env, directory: directory)
    }

    /// Runs `twindex arguments…` with its standard output sent to `stdout` (a file such as
    /// /dev/full, or a pipe closed early) rather than collected.
    @discardableResult
    public static func run(_ arguments: [String], stdout: Subprocess.Destination) throws -> Output {
        try Subprocess.run(binary, arguments, stdout: stdout, environment: ["TWINDEX_DB": nil])
    }

    /// Runs `twindex arguments…` as a user without special rights, so that file permissions
    /// hold (as root, through `setpriv` as `nobody`). Nil where that is not possible here.
    public static func runUnprivileged(_ arguments: [String], directory: URL? = nil) throws -> Output? {
        guard getuid() == 0 else { return try run(arguments, directory: directory) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { return nil }
        return try Subprocess.run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments,
                                  environment: ["TWINDEX_DB": nil], directory: directory)
    }
}
