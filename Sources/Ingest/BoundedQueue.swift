import Foundation

/// A blocking queue of bounded capacity between one producer and one consumer thread. Each
/// item weighs something (1 unless said: lines of a batch, bytes of a buffer); the items
/// waiting weigh at most `capacity` together, except that an item heavier than `capacity`
/// may wait alone.
final class BoundedQueue<Element>: @unchecked Sendable {
    /// Items from `head` on are waiting; the slots before it were taken (and emptied).
    private var items: [(item: Element?, weight: Int)] = []
    private var head = 0
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
        while head < items.count && weight + itemWeight > capacity && !cancelled { condition.wait() }
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
        while head == items.count && !closed { condition.wait() }
        if head == items.count { return nil }
        let (item, itemWeight) = items[head]
        items[head].item = nil
        head += 1
        if head == items.count || head >= 64 {
            items.removeFirst(head)
            head = 0
        }
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
        head = 0
        weight = 0
        condition.broadcast()
        condition.unlock()
    }
}
