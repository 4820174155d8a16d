import Foundation
import Store

/// Runs a read on a second connection to the same SQLite store, on a thread of its own, while
/// the caller goes on with its own connection: two cores for one analysis.
///
/// ```swift
/// let other = try SecondReader(store: store) { db in try countSomething(in: db) }
/// let mine = try countTheRest(in: store)
/// let theirs = try other.result()
/// ```
final class SecondReader<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, Error> = .failure(CancellationError())

    /// Opens a read-only connection to `store`'s file and starts `body` on it.
    init(store: Store, _ body: @escaping @Sendable (Store) throws -> Value) throws {
        let second = try Store.openForReading(path: store.path)
        Thread { [self] in
            outcome = Result { try body(second) }
            done.signal()
        }.start()
    }

    /// Waits for the read to end; its value, or the error it threw.
    func result() throws -> Value {
        done.wait()
        return try outcome.get()
    }
}
