#!/usr/bin/env bash
# Builds twindex in release mode, installs the peers (sqlite-utils, DuckDB, networkx, igraph)
# into a throwaway virtualenv, and runs Benchmarks/run.py, which rewrites BENCHMARKS.md, then
# Benchmarks/scale.py (issue 18's table at 1x and 10x, the SVG plot).
#   TWINDEX_BENCH_DIR (default /tmp/twindex-bench)  where the corpus and stores go (~4 GB free needed)
#   TWINDEX_BENCH_RUNS (3)  runs per ingest measurement;  TWINDEX_BENCH_SCALE=0 skips the 3x run
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product twindex
swift build -c release --product twindex-bench
venv=$(mktemp -d)/venv
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q sqlite-utils duckdb networkx igraph orjson
PATH="$venv/bin:$PATH" "$venv/bin/python" Benchmarks/run.py
# Issue 18's table: 1x and 10x (TWINDEX_SCALE_SIZES) with the peers, nightly appends, the plot.
PATH="$venv/bin:$PATH" "$venv/bin/python" Benchmarks/scale.py
