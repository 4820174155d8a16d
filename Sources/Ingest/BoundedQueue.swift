import Foundation

/// A blocking queue of bounded capacity between one producer and one consumer thread. Each
/// item weighs something (1 unless said: lines of a batch, bytes of a buffer); the items
/// waiting weigh at most `capacity` together, except that an item heavier than `capacity`
/// may wait alone.
final class BoundedQueue<Element>: @unchecked Sendable {
    /// The items waiting, in order (a few: the capacity bounds them), with their weights.
    private var items: [(item: Element, weight: Int)] = []
    private var weight = 0
    private var closed = false
    private var cancelled = false
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) { self.capacity = capacity }

    /// What the items waiting weigh together.
    var waitingWeight: Int { condition.withLock { weight } }

    /// Blocks until `item` fits; returns false when the consumer has cancelled.
    func push(_ item: Element, weight itemWeight: Int = 1) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !items.isEmpty && weight + itemWeight > capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append((item, itemWeight))
        weight += itemWeight
        condition.broadcast()
        return true
    }

    /// Blocks while empty; nil once the producer has closed and everything was taken.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        if items.isEmpty { return nil }
        let (item, itemWeight) = items.removeFirst()
        weight -= itemWeight
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        weight = 0
        condition.broadcast()
        condition.unlock()
    }
}
