import Foundation
import Model

/// Reads one input, decodes it on a background thread and hands batches to a sink on the
/// calling thread: with two cores, parsing and extraction run while SQLite writes.
package enum IngestPipeline {
    package struct Options: Sendable {
        /// Lines per batch handed from the decoding thread to the sink.
        package var batchLines: Int
        /// Lines longer than this are bad lines.
        package var maxLineBytes: Int
        package init(batchLines: Int = 2048, maxLineBytes: Int = 16 << 20) {
            self.batchLines = batchLines
            self.maxLineBytes = maxLineBytes
        }
    }

    /// What reading a whole input found out about it.
    package struct FileSummary: Sendable {
        package var contentHash: UInt64
        /// The error that ended reading early (a truncated gzip stream, an I/O error).
        package var error: IngestError?
        /// Reading was stopped by `shouldStop` before the end.
        package var stopped = false
    }

    /// Ingests `path` (standard input when nil), skipping lines before `resumeOffset`.
    /// Batches carry file positions counted from the start of the (uncompressed) stream.
    package static func run(path: String?, resumeOffset: Int64 = 0, resumeLine: Int = 0,
                           sink: TweetSink, options: Options = Options(),
                           onBatch: (IngestBatch) -> Void = { _ in },
                           shouldStop: () -> Bool = { false }) throws -> FileSummary {
        let reader = try LineReader(path: path, maxLineBytes: options.maxLineBytes)
        return try run(reader: reader, resumeOffset: resumeOffset, resumeLine: resumeLine, sink: sink,
                       options: options, onBatch: onBatch, shouldStop: shouldStop)
    }

    /// The same for a stream already opened (an archive member, a decompressed file).
    static func run(source: ByteSource, resumeOffset: Int64, resumeLine: Int, sink: TweetSink, options: Options,
                    onBatch: (IngestBatch) -> Void, shouldStop: () -> Bool) throws -> FileSummary {
        let reader = LineReader(source: source, maxLineBytes: options.maxLineBytes)
        return try run(reader: reader, resumeOffset: resumeOffset, resumeLine: resumeLine, sink: sink,
                       options: options, onBatch: onBatch, shouldStop: shouldStop)
    }

    private static func run(reader: LineReader, resumeOffset: Int64, resumeLine: Int, sink: TweetSink, options: Options,
                            onBatch: (IngestBatch) -> Void, shouldStop: () -> Bool) throws -> FileSummary {
        let queue = BoundedQueue<IngestBatch>(capacity: 3)
        let readError = ErrorBox()
        let done = DispatchSemaphore(value: 0)

        let producer = Thread {
            defer {
                queue.close()
                done.signal()
            }
            readError.error = decode(reader: reader, resumeOffset: resumeOffset, resumeLine: resumeLine,
                                     options: options) { queue.push($0) }
        }
        producer.stackSize = 1 << 20
        producer.start()

        var sinkError: Error?
        var stopped = false
        while let batch = queue.pop() {
            do {
                try sink.write(batch)
                onBatch(batch)
            } catch {
                sinkError = error
                queue.cancel()
                break
            }
            if shouldStop() {
                stopped = true
                queue.cancel()
                break
            }
        }
        done.wait()
        if let sinkError { throw sinkError }
        return FileSummary(contentHash: reader.contentHash, error: readError.error, stopped: stopped)
    }

    /// Reads and decodes every line of `reader` after `resumeOffset` into batches of
    /// `options.batchLines` lines, handing each to `push` (false: stop); returns the error
    /// that ended reading early, placed at the line it met it.
    static func decode(reader: LineReader, resumeOffset: Int64, resumeLine: Int, options: Options,
                       push: (IngestBatch) -> Bool) -> IngestError? {
        let decoder = TweetDecoder()
        var batch = IngestBatch()
        batch.endOffset = resumeOffset
        batch.endLine = resumeLine
        var failure: IngestError?
        do {
            try reader.forEachLine(skipToOffset: resumeOffset) { event in
                decodeEvent(event, decoder: decoder, into: &batch, maxLineBytes: options.maxLineBytes)
                if batch.lines >= options.batchLines {
                    batch.rawBytesRead = reader.rawBytesRead
                    let next = IngestBatch.continuing(batch)
                    guard push(batch) else { return false }
                    batch = next
                }
                return true
            }
        } catch {
            let position = StreamPosition(line: batch.endLine + 1, offset: batch.endOffset, fileOffset: reader.rawBytesRead)
            failure = (error as? IngestError ?? .io("\(error)")).at(position)
        }
        batch.rawBytesRead = reader.rawBytesRead
        if batch.lines > 0 { _ = push(batch) }
        return failure
    }

    private static func decodeEvent(_ event: LineReader.Event, decoder: TweetDecoder,
                                    into batch: inout IngestBatch, maxLineBytes: Int) {
        switch event {
        case .line(let bytes, let number, let offset):
            batch.lines += 1
            batch.endLine = number
            batch.endOffset = offset + Int64(bytes.count) + 1
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) { return }
            let position = SourcePosition(line: number, offset: offset, length: bytes.count)
            switch decoder.decode(bytes) {
            case .success(let decoded):
                for tweet in decoded.tweets {
                    batch.tweets.append(.init(tweet: tweet, position: position))
                }
                for notice in decoded.notices {
                    switch notice {
                    case .delete(let id, let user): batch.deletes.append((id, user))
                    case .other(let kind, let track, let timestampMs):
                        batch.notices.append(StreamNotice(kind: kind, track: track, timestampMs: timestampMs, position: position))
                    }
                }
            case .failure(let failure):
                let keep = bytes.count <= 1 << 20 ? bytes.count : 1 << 16
                batch.badLines.append(BadLine(line: number, offset: offset, error: failure.message,
                                              bytes: Array(bytes[0..<keep])))
            }
        case .tooLong(let prefix, let number, let offset, let length):
            batch.lines += 1
            batch.endLine = number
            batch.endOffset = offset + length + 1
            batch.badLines.append(BadLine(line: number, offset: offset,
                                          error: "line of \(length) bytes is over the \(maxLineBytes)-byte limit (first \(prefix.count) bytes kept)",
                                          bytes: prefix))
        }
    }
}

extension IngestBatch {
    /// An empty batch that starts where `previous` ended.
    static func continuing(_ previous: IngestBatch) -> IngestBatch {
        var b = IngestBatch()
        b.endOffset = previous.endOffset
        b.endLine = previous.endLine
        return b
    }
}

/// The producer thread's error, read by the consumer after the producer has finished.
private final class ErrorBox: @unchecked Sendable {
    var error: IngestError?
}
