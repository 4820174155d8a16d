import CArchive
import Foundation
import Model

/// Reads the members of one tar or zip archive on background threads, one after the other
/// without waiting for the writer: while the writer writes member k, member k+1 is decoded
/// and the members after it inflate, each on a thread of its own (`ArchiveInput.memberSource()`,
/// `ThreadedSource`). A day of the stream grab is 1,440 minute members of a few thousand lines
/// each; read one at a time, each member went through inflating, decoding and writing in
/// turn, and the threads mostly waited for each other (BENCHMARKS.md, "Archives").
///
/// What to do with each member (skip, resume, read) is decided ahead from `MemberPlans`, what
/// the store knew when the archive was opened; the writer's own plan, made in turn, records
/// it, and a member whose two plans disagree is not written (see `IngestJob`).
///
/// Memory is bounded whatever the members' sizes: at most five members are on their way at
/// once (three waiting, one being decoded, one being handed on), each with fixed buffers
/// (`ThreadedSource`, the inflater's state); the compressed bytes of those read whole weigh
/// at most `ArchiveInput.detachedBytesLimit` together (a bigger member streams from the
/// archive, alone); and the decoded lines waiting for the writer are at most three batches'
/// worth (`eventLines`), as for a single file (`IngestPipeline`).
final class ArchivePipeline {
    /// What the reading thread hands to the writer, in archive order.
    enum Event {
        /// A selected member begins, with the plan it is read by (`.skip`: nothing follows).
        case begin(ArchiveMember, FilePlan)
        /// Lines of the member begun last.
        case batch(IngestBatch)
        /// The member begun last is read: its hash, and the error that ended it early, if any.
        case end(contentHash: UInt64, error: IngestError?)
        /// The member begun last could not be opened (its own compression is not readable).
        case unreadable(IngestError)
        /// The archive itself is damaged here: nothing after it can be reached.
        case damaged(IngestError)
    }

    /// Decoded lines that may wait for the writer (a batch weighs its lines, any other event 1).
    static func eventLines(_ options: IngestPipeline.Options) -> Int { 3 * options.batchLines }

    private let queue: BoundedQueue<Event>
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    /// Starts reading `archive` from its current entry (`archive.current`) on two new
    /// threads: one walks the archive and reads members' compressed bytes (inflated on
    /// threads of their own, `ArchiveInput.memberSource()`), one decodes their lines.
    /// `archive` must not be touched by anyone else until `finish()` has returned.
    init(archive: ArchiveInput, members: MemberSelection, plans: MemberPlans, options: IngestPipeline.Options) {
        Self.largeBuffersMapped()
        let queue = BoundedQueue<Event>(capacity: Self.eventLines(options))
        self.queue = queue
        let done = done
        // Members on their way from the walking thread to the decoding one: a few, so that
        // as many inflate at once while the one before is decoded and written.
        let work = BoundedQueue<MemberWork>(capacity: 3)
        let budget = ByteBudget(limit: ArchiveInput.detachedBytesLimit)
        let stop = StopFlag()
        let walker = Thread {
            defer { work.close() }
            Self.walk(archive, members: members, plans: plans, budget: budget, into: work, stop: stop)
        }
        let decoder = Thread {
            defer { queue.close(); done.signal() }
            Self.decode(work, options: options, budget: budget, into: queue, stop: stop)
        }
        for thread in [walker, decoder] {
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit { finish() }

    /// Buffers of a MB and more (the chunk buffers, bzip2's tables of 3.6 MB: made and freed
    /// for every member, on threads of their own) are mapped from the system and given back
    /// when freed, for the whole process. By default glibc raises that threshold to the size
    /// of the largest such block freed, and from then on takes them from its per-thread
    /// arenas, which keep what they grew: a day's tar then peaked at 365 MB against 155 MB
    /// for the same stream as one file (BENCHMARKS.md, "Archives").
    private static func largeBuffersMapped() { _ = mappedOnce }
    private static let mappedOnce: Void = {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        #endif
    }()

    /// The next event; nil after the last.
    func next() -> Event? { queue.pop() }

    /// Stops the reading threads (when the writer ends early) and waits for them.
    func finish() {
        guard !waited else { return }
        waited = true
        queue.cancel()
        done.wait()
    }

    /// One selected member on its way to the decoding thread.
    private final class MemberWork: @unchecked Sendable {
        let begin: Event
        var source: ThreadedSource?
        var resume: (offset: Int64, line: Int) = (0, 0)
        /// Bytes of the budget the member holds until its source is finished.
        var held = 0
        /// An event instead of the member's lines (it cannot be opened, the archive is damaged).
        var failure: Event?
        /// Signalled once the decoding thread is done with `source`; the walking thread
        /// waits for it before moving on when the source reads the archive itself.
        let released = DispatchSemaphore(value: 0)
        init(begin: Event) { self.begin = begin }
    }

    /// Walks the archive: plans each selected member and hands it on, with its source.
    private static func walk(_ archive: ArchiveInput, members: MemberSelection, plans: MemberPlans,
                             budget: ByteBudget, into work: BoundedQueue<MemberWork>, stop: StopFlag) {
        var entry = archive.current
        // Members read in this run: a second member of the same name, size and time is
        // planned as the writer would plan it (a skip once the first was read).
        var readNow = MemberPlans()
        while let e = entry, !stop.isSet {
            if e.isRegularFile, members.accepts(e.name) {
                let member = ArchiveMember(name: e.name, size: e.size, mtimeNanoseconds: e.mtimeNanoseconds)
                let earlier = readNow.plan(for: member)
                let plan = earlier == .skip ? earlier : plans.plan(for: member)
                let item = MemberWork(begin: .begin(member, plan))
                var detached = true
                if case .read(let offset, let line) = plan {
                    item.resume = (offset, line)
                    do {
                        (item.source, detached, item.held) = try archive.memberSource(budget: budget)
                    } catch {
                        item.failure = .unreadable(error as? IngestError ?? .archive("\(error)"))
                    }
                    readNow.record(member, complete: true, resumeOffset: 0, resumeLine: 0)
                }
                guard work.push(item) else { return }
                // A source that reads the archive itself must be done before the archive moves on.
                if !detached { item.released.wait() }
            }
            do {
                entry = try archive.next()
            } catch {
                let item = MemberWork(begin: .damaged(error as? IngestError ?? .archive("\(error)")))
                _ = work.push(item)
                return
            }
        }
    }

    /// Decodes the members handed on, in order, into events for the writer.
    private static func decode(_ work: BoundedQueue<MemberWork>, options: IngestPipeline.Options, budget: ByteBudget,
                               into queue: BoundedQueue<Event>, stop: StopFlag) {
        var listening = true
        while let item = work.pop() {
            defer {
                item.source?.finish()
                item.source = nil
                budget.release(item.held)
                item.released.signal()
            }
            guard listening else { continue }   // stopping: let the walking thread go
            listening = queue.push(item.begin)
            if let failure = item.failure {
                listening = listening && queue.push(failure)
            } else if listening, let source = item.source {
                let reader = LineReader(source: source, maxLineBytes: options.maxLineBytes)
                let error = IngestPipeline.decode(reader: reader, resumeOffset: item.resume.offset, resumeLine: item.resume.line,
                                                  options: options) {
                    listening = queue.push(.batch($0), weight: max(1, $0.lines))
                    return listening
                }
                listening = listening && queue.push(.end(contentHash: reader.contentHash, error: error))
            }
            if !listening { stop.set() }
        }
    }
}

/// Set once by the decoding thread when the writer has stopped; read by the walking thread.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
