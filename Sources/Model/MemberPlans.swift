/// What a store knew of an archive's members when reading it began: for each member read
/// before (by name, size and time), whether it was read completely or how far. With it, the
/// thread that reads an archive decides about the next member (skip it, resume it, read it)
/// while the writer is still writing the one before, so the members stream without a pause
/// between them. The writer's own `IngestTarget.plan(path:member:force:)` stays the one that
/// records the decision; a member is read only when both agree.
public struct MemberPlans: Sendable {
    private struct Key: Hashable {
        var name: String
        var size: Int64?
        var mtime: Int64?
    }

    private var known: [Key: FilePlan] = [:]

    /// No member known: each is read from its start.
    public init() {}

    /// Records what was known of `member`; a later record of the same member replaces it.
    public mutating func record(_ member: ArchiveMember, complete: Bool, resumeOffset: Int64, resumeLine: Int) {
        known[Key(name: member.name, size: member.size, mtime: member.mtimeNanoseconds)] =
            complete ? .skip : .read(resumeOffset: resumeOffset, resumeLine: resumeLine)
    }

    /// How to read `member`: skipped when it was read completely, resumed when it was read in
    /// part, else read from its start.
    public func plan(for member: ArchiveMember) -> FilePlan {
        known[Key(name: member.name, size: member.size, mtime: member.mtimeNanoseconds)] ?? .read(resumeOffset: 0, resumeLine: 0)
    }
}
