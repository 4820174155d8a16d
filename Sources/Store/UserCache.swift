import Model

/// The profile of each user as last written, so that a user's row is written only when a
/// newer tweet brings a changed profile (most tweets repeat their author's profile). A newer
/// tweet with the same profile only moves the time the profile was seen: such rows are
/// written once at each commit (`takeUnwritten`), so the stored row is always that of the
/// author's newest tweet, whatever order or runs the tweets came in.
/// Its size grows with the number of distinct authors in the run.
struct UserCache {
    private var latest: [Int64: (seenAt: Int64, profile: Int)] = [:]
    /// Users whose newest profile and `seenAt` are not written yet.
    private var unwritten: [Int64: (user: User, seenAt: Int64)] = [:]

    /// Whether `user` as seen at `seenAt` must be written: the store holds no profile of
    /// theirs as of `seenAt` or later, and this one differs from the one it holds.
    mutating func needsWrite(_ u: User, seenAt: Int64) -> Bool {
        var hasher = Hasher()
        hasher.combine(u.screenName)
        hasher.combine(u.name)
        hasher.combine(u.location)
        hasher.combine(u.description)
        hasher.combine(u.followers)
        hasher.combine(u.friends)
        hasher.combine(u.statuses)
        hasher.combine(u.verified)
        let profile = hasher.finalize()
        let cached = latest[u.id]
        if let cached, seenAt <= cached.seenAt { return false }
        latest[u.id] = (seenAt, profile)
        if cached?.profile == profile {
            unwritten[u.id] = (u, seenAt)
            return false
        }
        unwritten[u.id] = nil
        return true
    }

    /// The users seen again, unchanged, after their row was written: their newest profile and
    /// time, by id; they count as written afterwards.
    mutating func takeUnwritten() -> [(user: User, seenAt: Int64)] {
        defer { unwritten.removeAll(keepingCapacity: true) }
        return unwritten.keys.sorted().compactMap { unwritten[$0] }
    }
}
