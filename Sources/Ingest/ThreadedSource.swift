import Foundation

/// Runs a byte producer (decompression: bzip2 inflates at a few tens of MB/s per core) on
/// its own thread, handing chunks over through a few reused buffers, so the decoding thread
/// and the writer are not kept waiting for it. Memory is fixed: `slots` buffers of 1 MiB.
final class ThreadedSource: ByteSource {
    /// One filled buffer, with the producer's counters as they were after filling it.
    private struct Chunk {
        var slot: Int
        var count: Int
        var rawBytesRead: Int64
        var contentHash: UInt64
        var error: IngestError?
    }

    private let slots: Slots
    private var buffers: [UnsafeMutableRawBufferPointer] { slots.buffers }
    private let filled: BoundedQueue<Chunk>
    private let free: BoundedQueue<Int>
    private let done = DispatchSemaphore(value: 0)
    private var finished = false
    private var current: Chunk?
    private var position = 0
    private var ended = false
    private(set) var rawBytesRead: Int64 = 0
    private(set) var contentHash: UInt64 = 0

    /// Starts reading `inner` on a new thread. `inner` must not be touched by anyone else
    /// until `finish()` has returned.
    init(inner: ByteSource, slots: Int = 4) {
        self.slots = Slots(count: slots)
        filled = BoundedQueue(capacity: slots)
        free = BoundedQueue(capacity: slots)
        for slot in 0..<slots { _ = free.push(slot) }
        let buffers = self.slots, filled = filled, free = free, done = done
        let thread = Thread {
            defer { filled.close(); done.signal() }
            while let slot = free.pop() {
                var chunk = Chunk(slot: slot, count: 0, rawBytesRead: 0, contentHash: 0)
                do {
                    chunk.count = try inner.read(into: buffers.buffers[slot])
                } catch {
                    chunk.error = error as? IngestError ?? .io("\(error)")
                }
                chunk.rawBytesRead = inner.rawBytesRead
                chunk.contentHash = inner.contentHash
                guard filled.push(chunk), chunk.count > 0, chunk.error == nil else { return }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { finish() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while !ended {
            if let chunk = current, position < chunk.count {
                let n = min(buffer.count, chunk.count - position)
                buffer.baseAddress?.copyMemory(from: buffers[chunk.slot].baseAddress! + position, byteCount: n)
                position += n
                return n
            }
            if let chunk = current { _ = free.push(chunk.slot) }
            current = nil
            position = 0
            guard let next = filled.pop() else {
                ended = true
                break
            }
            rawBytesRead = next.rawBytesRead
            contentHash = next.contentHash
            if let error = next.error {
                ended = true
                throw error
            }
            if next.count == 0 { ended = true } else { current = next }
        }
        return 0
    }

    /// Stops the producer thread (when reading ended early) and waits for it: afterwards
    /// the inner source is free again.
    func finish() {
        guard !finished else { return }
        finished = true
        filled.cancel()
        free.close()
        done.wait()
    }
}

/// The buffers chunks travel in: each is written by the producer thread, then read by the
/// consumer, never both at once (the queues hand them over).
private final class Slots: @unchecked Sendable {
    let buffers: [UnsafeMutableRawBufferPointer]
    init(count: Int) { buffers = (0..<count).map { _ in .allocate(byteCount: 1 << 20, alignment: 64) } }
    deinit { for buffer in buffers { buffer.deallocate() } }
}
