"""What every benchmark script shares: timing a whole command under /usr/bin/time, removing a
store before a run, and rewriting the script's own section of BENCHMARKS.md.

    from benchlib import ROOT, fresh, splice, timed
    t = timed([BIN, "stats", "--db", STORE, "--json"])   # t.wall, t.cpu, t.rss, t.stdout
    t = timed("tar -xOf day.tar | bzcat > /dev/null", shell=True)
    splice("archives", "## Archives\\n...")                 # between <!-- archives:begin/end -->
"""
import os, re, subprocess, sys, time
from collections import namedtuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

Timing = namedtuple("Timing", "wall cpu rss stdout")
Timing.__doc__ = """One run: wall seconds, CPU seconds (user + system of every process it waited
for), peak RSS in MB (of its largest process) and stdout (None when discarded)."""


def timed(cmd, shell=False, keep_stdout=True, **kwargs):
    """Runs `cmd` (an argument list, or with shell=True a bash pipeline under pipefail) under
    /usr/bin/time and returns its Timing; a failing command ends the script with its stderr.
    keep_stdout=False sends stdout to /dev/null (large outputs)."""
    argv = ["bash", "-o", "pipefail", "-c", cmd] if shell else list(cmd)
    out = subprocess.PIPE if keep_stdout else subprocess.DEVNULL
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *argv], stdout=out, stderr=subprocess.PIPE,
                       text=True, **kwargs)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {cmd if shell else ' '.join(cmd)}\n{p.stderr[-2000:]}")
    user, system, rss = p.stderr.strip().splitlines()[-1].split()
    return Timing(wall, float(user) + float(system), int(rss) / 1024, p.stdout)


def fresh(path):
    """Removes the SQLite store at `path` with its log, shared memory and lock files."""
    for suffix in ("", "-wal", "-shm", ".lock", ".wal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def seconds(s):
    """`412 ms` under a second, else `3.14 s`."""
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def splice(name, section, path=os.path.join(ROOT, "BENCHMARKS.md")):
    """Puts `section` into BENCHMARKS.md between `<!-- name:begin -->` and `<!-- name:end -->`,
    in place of what stood there (appended at the end the first time); the rest stays."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = f"{begin}\n{section.strip(chr(10))}\n{end}"
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmarks\n"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block + "\n"
    open(path, "w", encoding="utf-8").write(text)
