import Foundation

/// Locations of the package and of `../shared` beside it, found from this file's path.
public enum SharedPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared` next to the package.
    public static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static let realTweets: URL = shared.appendingPathComponent("fixtures/real-tweets")
    public static let conformance: URL = shared.appendingPathComponent("conformance/twitter-text")

    /// A fresh temporary directory, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("twindex-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
