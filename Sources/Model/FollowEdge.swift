/// One imported follow edge, follower → followed, each end by user id or screen name or
/// both, as the file gave it (ANALYSIS.md "Networks of accounts", `follow`).
public struct FollowEdge: Sendable, Equatable {
    /// The follower's id, when given.
    public var sourceID: Int64?
    /// The follower's screen name (without `@`), when given.
    public var sourceName: String?
    /// The followed account's id, when given.
    public var targetID: Int64?
    /// The followed account's screen name, when given.
    public var targetName: String?
    /// The line of the file it came from (from 1).
    public var line: Int

    /// An edge.
    public init(sourceID: Int64? = nil, sourceName: String? = nil, targetID: Int64? = nil, targetName: String? = nil, line: Int) {
        (self.sourceID, self.sourceName, self.targetID, self.targetName, self.line) = (sourceID, sourceName, targetID, targetName, line)
    }
}
