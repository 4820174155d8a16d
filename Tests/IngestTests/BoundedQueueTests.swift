import Foundation
@testable import Ingest
import XCTest

/// The weighted queue and the byte budget that bound what an archive's pipeline holds at once:
/// a producer or taker blocks exactly when the limits worked out by hand say it must.
final class BoundedQueueTests: XCTestCase {
    /// How long a blocked call is given to (wrongly) go through, and a free one to go through.
    private let blocked: TimeInterval = 0.2, free: TimeInterval = 10

    /// Capacity 10, weights 4, 4, 4, 12, 1 pushed in turn: by hand, the first two fit (8); the
    /// third waits for one pop (4 + 4); 12 waits until the queue is empty and then goes alone
    /// (heavier than the capacity); 1 waits behind it (13 > 10) until it is taken.
    func testAPushWaitsUntilItsWeightFits() throws {
        let queue = BoundedQueue<Int>(capacity: 10)
        let weights = [4, 4, 4, 12, 1]
        let pushed = DispatchSemaphore(value: 0)
        let producer = Thread {
            for (n, weight) in weights.enumerated() {
                _ = queue.push(n, weight: weight)
                pushed.signal()
            }
            queue.close()
        }
        producer.start()
        func expectPushes(_ count: Int, line: UInt = #line) {
            for _ in 0..<count { XCTAssertEqual(pushed.wait(timeout: .now() + free), .success, "a push that fits waits", line: line) }
            XCTAssertEqual(pushed.wait(timeout: .now() + blocked), .timedOut, "a push that does not fit goes through", line: line)
        }
        expectPushes(2)
        XCTAssertEqual(queue.waitingWeight, 8)
        XCTAssertEqual(queue.pop(), 0)
        expectPushes(1)
        XCTAssertEqual(queue.waitingWeight, 8)
        XCTAssertEqual(queue.pop(), 1)
        expectPushes(0)
        XCTAssertEqual(queue.pop(), 2)
        expectPushes(1)
        XCTAssertEqual(queue.waitingWeight, 12)
        XCTAssertEqual(queue.pop(), 3)
        XCTAssertEqual(pushed.wait(timeout: .now() + free), .success)
        XCTAssertEqual(queue.pop(), 4)
        XCTAssertNil(queue.pop())
        XCTAssertEqual(queue.waitingWeight, 0)
    }

    /// Items of weight 1 (the default) count as before: capacity 3 holds three.
    func testUnweightedItemsCountOneEach() {
        let queue = BoundedQueue<String>(capacity: 3)
        for item in ["a", "b", "c"] { XCTAssertTrue(queue.push(item)) }
        XCTAssertEqual(queue.waitingWeight, 3)
        let fourth = DispatchSemaphore(value: 0)
        Thread { _ = queue.push("d"); fourth.signal() }.start()
        XCTAssertEqual(fourth.wait(timeout: .now() + blocked), .timedOut)
        XCTAssertEqual(queue.pop(), "a")
        XCTAssertEqual(fourth.wait(timeout: .now() + free), .success)
        queue.cancel()
        XCTAssertFalse(queue.push("e"), "a cancelled queue takes nothing")
    }

    /// Limit 10: 6 is taken; another 6 waits (12 > 10) until the first is given back; 20 (more
    /// than the limit) waits until nothing is held, then is held alone.
    func testABudgetHoldsAtMostItsLimit() {
        let budget = ByteBudget(limit: 10)
        budget.acquire(6)
        let taken = DispatchSemaphore(value: 0)
        Thread { budget.acquire(6); taken.signal(); budget.acquire(20); taken.signal() }.start()
        XCTAssertEqual(taken.wait(timeout: .now() + blocked), .timedOut, "6 + 6 passes the limit")
        budget.release(6)
        XCTAssertEqual(taken.wait(timeout: .now() + free), .success)
        XCTAssertEqual(budget.inUse, 6)
        XCTAssertEqual(taken.wait(timeout: .now() + blocked), .timedOut, "20 waits while anything is held")
        budget.release(6)
        XCTAssertEqual(taken.wait(timeout: .now() + free), .success)
        XCTAssertEqual(budget.inUse, 20)
        budget.release(20)
        XCTAssertEqual(budget.inUse, 0)
    }
}
