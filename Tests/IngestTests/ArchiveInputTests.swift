import Foundation
import Ingest
import Model
import Store
import TestSupport
import XCTest

/// Archives and compressed streams (ArchiveInput, LibArchive, ThreadedSource): the same
/// stream gives the same store however it is packed, member by member.
final class ArchiveInputTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        dir = try SharedPaths.temporaryDirectory()
    }

    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    /// A generated stream with delete notices (for tweets before and after them) and limit
    /// notices among the tweets, as the streaming API sends them.
    private func stream(tweets: Int) throws -> String {
        let plain = dir.appendingPathComponent("generated.jsonl").path
        _ = try GeneratedCorpus.write(to: plain, tweets: tweets, users: 80, seed: 5)
        var out: [String] = []
        var ids: [String] = []
        for (n, line) in try String(contentsOfFile: plain, encoding: .utf8).split(separator: "\n").enumerated() {
            out.append(String(line))
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               let id = object["id_str"] as? String { ids.append(id) }
            if n % 40 == 39, let id = ids.dropLast(3).last {
                out.append(#"{"delete":{"status":{"id":\#(id),"id_str":"\#(id)","user_id":1}}}"#)
            }
            if n % 97 == 0 { out.append(#"{"limit":{"track":\#(n),"timestamp_ms":"1358899200000"}}"#) }
        }
        let path = dir.appendingPathComponent("stream.jsonl").path
        try (out.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func store(_ name: String) -> String { dir.appendingPathComponent(name + ".db").path }

    func testTheSameStreamGivesTheSameStoreInEveryPacking() throws {
        let jsonl = try stream(tweets: 1500)
        let members = try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 150)
        XCTAssertGreaterThan(members.count, 9)
        var inputs = ["tar": "stream.tar", "zip": "stream.zip", "xz": "stream.jsonl.xz", "bz2": "stream.jsonl.bz2"]
        if try ArchiveLayouts.zstd(jsonl) { inputs["zst"] = "stream.jsonl.zst" } else { XCTAssertFalse(ReferenceTools.required, "no zstd command") }

        let plain = try TestStores.ingest([jsonl], into: store("plain"))
        XCTAssertGreaterThan(plain.deleted, 10)
        XCTAssertGreaterThan(plain.notices, 10)
        let expected = try TestStores.fingerprint(store("plain"), lines: false)
        for (form, file) in inputs.sorted(by: { $0.key < $1.key }) {
            let counts = try TestStores.ingest([dir.appendingPathComponent(file).path], into: store(form))
            XCTAssertEqual(try TestStores.fingerprint(store(form), lines: false), expected, form)
            XCTAssertEqual(counts.lines, plain.lines, form)
            XCTAssertEqual(counts.files, form == "tar" || form == "zip" ? members.count : 1, form)
        }
        // Each member has its own files row: the archive's path and the member's name.
        let rows = try Store.openForReading(path: store("tar")).query("SELECT member, complete FROM files ORDER BY id").rows
        XCTAssertEqual(rows, members.map { [.text($0), .integer(1)] })
    }

    /// Nesting every way the formats allow: a tar whose members are compressed each their
    /// own way (bzip2, xz, gzip, zstd, none), and that tar compressed whole (xz, bzip2, zstd).
    /// Packed by Python's tarfile/bz2/lzma/gzip and the `zstd` command; every form gives the
    /// store of the plain JSONL.
    func testMembersCompressedEachTheirOwnWayInACompressedTarGiveTheSameStore() throws {
        let jsonl = try stream(tweets: 900)
        let zstd = FileManager.default.isExecutableFile(atPath: "/usr/bin/zstd")
        if !zstd { XCTAssertFalse(ReferenceTools.required, "no zstd command") }
        let names = try ReferenceTools.runPython("""
            import bz2, gzip, io, lzma, subprocess, sys, tarfile
            src, out, zstd = sys.argv[1], sys.argv[2], sys.argv[3] == '1'
            lines = open(src, 'rb').read().splitlines(keepends=True)
            packs = [('bz2', bz2.compress), ('xz', lzma.compress), ('gz', lambda d: gzip.compress(d, mtime=0)), ('', None)]
            if zstd: packs.append(('zst', lambda d: subprocess.run(['/usr/bin/zstd', '-q', '-c'], input=d, capture_output=True, check=True).stdout))
            names = []
            with tarfile.open(out + '/mixed.tar', 'w', format=tarfile.GNU_FORMAT) as t:
                for k, i in enumerate(range(0, len(lines), 100)):
                    suffix, pack = packs[k % len(packs)]
                    data = b''.join(lines[i:i + 100])
                    data = pack(data) if pack else data
                    name = '2013/01/23/00/%02d.json' % k + ('.' + suffix if suffix else '')
                    info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1358899200
                    t.addfile(info, io.BytesIO(data)); names.append(name)
            whole = open(out + '/mixed.tar', 'rb').read()
            open(out + '/mixed.tar.xz', 'wb').write(lzma.compress(whole))
            open(out + '/mixed.tar.bz2', 'wb').write(bz2.compress(whole))
            if zstd: subprocess.run(['/usr/bin/zstd', '-q', '-f', out + '/mixed.tar', '-o', out + '/mixed.tar.zst'], check=True)
            print('\\n'.join(names))
            """, arguments: [jsonl, dir.path, zstd ? "1" : "0"]).split(separator: "\n").map(String.init)
        XCTAssertEqual(Set(names.map { URL(fileURLWithPath: $0).pathExtension }), zstd ? ["bz2", "xz", "gz", "json", "zst"] : ["bz2", "xz", "gz", "json"])

        try TestStores.ingest([jsonl], into: store("plain"))
        let expected = try TestStores.fingerprint(store("plain"), lines: false)
        for file in ["mixed.tar", "mixed.tar.xz", "mixed.tar.bz2"] + (zstd ? ["mixed.tar.zst"] : []) {
            let counts = try TestStores.ingest([dir.appendingPathComponent(file).path], into: store(file))
            XCTAssertEqual(try TestStores.fingerprint(store(file), lines: false), expected, file)
            XCTAssertEqual(counts.files, names.count, file)
            let rows = try Store.openForReading(path: store(file)).query("SELECT member, complete FROM files ORDER BY id").rows
            XCTAssertEqual(rows, names.map { [.text($0), .integer(1)] }, file)
        }
    }

    /// A target that cannot plan members ahead (no `memberPlans`, as the PostgreSQL writer)
    /// gets them one at a time, each planned after the one before is written: the same store.
    func testATargetThatCannotPlanAheadGetsTheSameStore() throws {
        let jsonl = try stream(tweets: 600)
        let members = try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 100)
        let tar = dir.appendingPathComponent("stream.tar").path
        try TestStores.ingest([tar], into: store("ahead"))
        let writer = try StoreWriter(path: store("inturn"))
        let outcome = try IngestJob(inputs: [.file(tar)]).run(into: InTurnTarget(inner: writer))
        try writer.finishRun(status: "ok")
        XCTAssertTrue(outcome.problems.isEmpty)
        XCTAssertNil(try InTurnTarget(inner: writer).memberPlans(path: tar, force: false))
        XCTAssertEqual(try TestStores.fingerprint(store("inturn")), try TestStores.fingerprint(store("ahead")))
        XCTAssertEqual(try TestStores.integer("SELECT count(*) FROM files WHERE complete = 1", in: store("inturn")), Int64(members.count))
    }

    func testAnArchiveIngestedBeforeIsSkippedMemberByMember() throws {
        let jsonl = try stream(tweets: 300)
        let members = try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 100)
        let tar = dir.appendingPathComponent("stream.tar").path
        try TestStores.ingest([tar], into: store("s"))
        let again = try TestStores.ingest([tar], into: store("s"))
        XCTAssertEqual(again.filesSkipped, members.count)
        XCTAssertEqual(again.lines, 0)
    }

    /// A member whose bzip2 data is cut short is reported by archive and member name and
    /// kept as not complete; the members after it are read.
    func testATruncatedMemberIsReportedAndTheRestGoesOn() throws {
        let jsonl = try stream(tweets: 600)
        let members = try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 150)
        let tar = dir.appendingPathComponent("broken.tar").path
        _ = try ReferenceTools.runPython("""
            import sys, tarfile, io
            src, out = sys.argv[1], sys.argv[2]
            with tarfile.open(src) as t, tarfile.open(out, 'w', format=tarfile.GNU_FORMAT) as o:
                for i, m in enumerate(t.getmembers()):
                    data = t.extractfile(m).read()
                    if i == 1: data = data[:len(data) // 2]
                    m.size = len(data)
                    o.addfile(m, io.BytesIO(data))
            """, arguments: [dir.appendingPathComponent("stream.tar").path, tar])
        let summary = try TestStores.run([tar], into: store("broken"))
        XCTAssertEqual(summary.problems.count, 1)
        XCTAssertEqual(summary.problems.first?.input, "\(tar):2013/01/23/00/01.json.bz2")
        XCTAssertTrue(summary.problems.first?.message.contains("bzip2") ?? false, "\(summary.problems)")
        let rows = try Store.openForReading(path: store("broken")).query("SELECT member, complete FROM files ORDER BY id").rows
        XCTAssertEqual(rows.map { $0[1] }, members.indices.map { .integer($0 == 1 ? 0 : 1) })
        // Every line of the other three members is in.
        let total = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").count
        let linesOfBroken = try XCTUnwrap(try TestStores.integer("SELECT lines_done FROM files WHERE id = 2", in: store("broken")))
        XCTAssertEqual(summary.counts.lines, total - 150 + Int(linesOfBroken))
    }

    /// A bad line inside a member is reported as archive:member with its line in the member.
    func testABadLineIsReportedByArchiveMemberAndLine() throws {
        let jsonl = dir.appendingPathComponent("s.jsonl").path
        let good = try String(contentsOfFile: try stream(tweets: 40), encoding: .utf8).split(separator: "\n").prefix(20)
        let lines = Array(good.prefix(15)) + ["{not json"] + Array(good.dropFirst(15))
        try (lines.joined(separator: "\n") + "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 10)
        let tar = dir.appendingPathComponent("stream.tar").path
        try TestStores.ingest([tar], into: store("bad"))
        let bad = try Store.openForReading(path: store("bad")).badLines()
        XCTAssertEqual(bad.map { "\($0.file):\($0.line)" }, ["\(tar):2013/01/23/00/01.json.bz2:6"])
    }
}

/// A store target without `memberPlans`: archive members are planned in turn.
private final class InTurnTarget: IngestTarget {
    let inner: StoreWriter
    init(inner: StoreWriter) { self.inner = inner }
    func write(_ batch: IngestBatch) throws { try inner.write(batch) }
    func plan(path: String?, force: Bool) throws -> FilePlan { try inner.plan(path: path, force: force) }
    func plan(path: String?, member: ArchiveMember, force: Bool) throws -> FilePlan {
        try inner.plan(path: path, member: member, force: force)
    }
    func finishFile(contentHash: UInt64?, error: String?) throws { try inner.finishFile(contentHash: contentHash, error: error) }
    func recordUnreadable(path: String, reason: String) throws { try inner.recordUnreadable(path: path, reason: reason) }
}
