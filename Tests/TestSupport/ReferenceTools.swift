import Foundation

/// The Python reference tools (networkx, Datasette) that tests use as oracles.
///
/// `scripts/dev.sh test` (and so `.ci/run`) installs them into `.venv` beside Package.swift;
/// `TWINDEX_PYTHON` names another interpreter. Where neither exists, a test that needs them
/// skips with that message, except under CI (`CI` set), where a missing tool is a failure.
public enum ReferenceTools {
    /// The interpreter that has the reference tools, if any.
    public static var python: URL? {
        if let explicit = ProcessInfo.processInfo.environment["TWINDEX_PYTHON"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let venv = SharedPaths.packageRoot.appendingPathComponent(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
    }

    /// Why a test cannot run its reference tool here, or nil when it can.
    public static var unavailableReason: String? {
        python == nil ? "no Python with the reference tools: run scripts/dev.sh test (it creates .venv) or set TWINDEX_PYTHON" : nil
    }

    /// True where a missing reference tool must fail the test rather than skip it.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Runs `script` with the reference interpreter and the given arguments; returns stdout.
    /// Throws when the interpreter is missing or the script exits non-zero (stderr in the error).
    public static func runPython(_ script: String, arguments: [String] = [], stdin: Data? = nil) throws -> String {
        guard let python else { throw Failure(message: unavailableReason ?? "no python") }
        let result = try Subprocess.run(python, ["-c", script] + arguments, stdin: stdin)
        guard result.status == 0 else {
            throw Failure(message: "python exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// A reference tool that could not run.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
