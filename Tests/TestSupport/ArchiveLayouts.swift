import Foundation

/// Packs a JSONL file the ways tweet archives come, with tools independent of twindex
/// (Python's tarfile, zipfile, bz2, gzip and lzma; the `zstd` command), for tests that
/// ingest the same stream in each form.
public enum ArchiveLayouts {
    /// Writes `<dir>/stream.tar` (a tar of `.json.bz2` minute files named as the
    /// Archive Team stream grab's, `2013/01/23/HH/MM.json.bz2` from 00:00 on, `linesPerMember`
    /// lines each), `<dir>/stream.zip`
    /// (the same minutes as `.json.gz`, deflate on top), `<dir>/stream.jsonl.xz` and
    /// `<dir>/stream.jsonl.bz2`; returns the member names of the tar in order.
    @discardableResult
    public static func pack(_ jsonl: String, into dir: URL, linesPerMember: Int) throws -> [String] {
        let script = """
            import bz2, gzip, lzma, sys, tarfile, zipfile, io
            src, out, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
            data = open(src, 'rb').read()
            lines = data.splitlines(keepends=True)
            chunks = [b''.join(lines[i:i + per]) for i in range(0, len(lines), per)]
            names = ['2013/01/23/%02d/%02d.json' % (i // 60, i % 60) for i in range(len(chunks))]
            with tarfile.open(out + '/stream.tar', 'w', format=tarfile.GNU_FORMAT) as t:
                for name, chunk in zip(names, chunks):
                    packed = bz2.compress(chunk)
                    info = tarfile.TarInfo(name + '.bz2'); info.size = len(packed); info.mtime = 1358899200
                    t.addfile(info, io.BytesIO(packed))
            with zipfile.ZipFile(out + '/stream.zip', 'w', zipfile.ZIP_DEFLATED) as z:
                for name, chunk in zip(names, chunks):
                    z.writestr(name + '.gz', gzip.compress(chunk, mtime=0))
            open(out + '/stream.jsonl.xz', 'wb').write(lzma.compress(data))
            open(out + '/stream.jsonl.bz2', 'wb').write(bz2.compress(data))
            print('\\n'.join(n + '.bz2' for n in names))
            """
        let names = try ReferenceTools.runPython(script, arguments: [jsonl, dir.path, String(linesPerMember)])
        return names.split(separator: "\n").map(String.init)
    }

    /// Compresses `path` to `path.zst` with the `zstd` command; false when it is missing.
    public static func zstd(_ path: String) throws -> Bool {
        let tool = URL(fileURLWithPath: "/usr/bin/zstd")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else { return false }
        let result = try Subprocess.run(tool, ["-q", "-f", path, "-o", path + ".zst"])
        return result.status == 0
    }
}
