import Foundation

/// Bytes that threads may hold in memory together: `acquire` blocks while taking more would
/// pass `limit` (a request bigger than `limit` waits until nothing is held, then goes alone),
/// `release` gives them back.
final class ByteBudget: @unchecked Sendable {
    /// The most held at once (but for one request bigger than it, held alone).
    let limit: Int
    private var held = 0
    private let condition = NSCondition()

    init(limit: Int) { self.limit = limit }

    /// Bytes held now.
    var inUse: Int { condition.withLock { held } }

    /// Takes `count` bytes, waiting until they fit.
    func acquire(_ count: Int) {
        condition.lock()
        defer { condition.unlock() }
        while held > 0 && held + count > limit { condition.wait() }
        held += count
    }

    /// Gives back `count` bytes taken by `acquire`.
    func release(_ count: Int) {
        condition.lock()
        defer { condition.unlock() }
        held -= count
        condition.broadcast()
    }
}
