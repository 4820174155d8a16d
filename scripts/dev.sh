#!/usr/bin/env bash
# The set-up and the two jobs README.md starts with, on a fresh Debian machine with Swift:
#   scripts/dev.sh demo   install what is missing, build, run `twindex demo` on the bundled sample
#   scripts/dev.sh test   install what is missing (and the Python reference tools), build with the
#                         import check, check public doc comments, run the tests (the PostgreSQL
#                         ones against a throwaway cluster, scripts/pg-cluster.sh)
# Debian packages are installed when running as root; otherwise the one `sudo apt-get` line
# to run is printed and nothing else happens. The reference tools (networkx, Datasette, pandas) go into
# .venv beside Package.swift; the tests find them there.
set -euo pipefail
cd "$(dirname "$0")/.."

job=${1:-}
case "$job" in
  demo|test) ;;
  *) echo "usage: scripts/dev.sh demo|test" >&2; exit 64 ;;
esac

# Build and run needs (C libraries behind the targets in Sources/C*), then what only tests use.
packages="libsqlite3-dev libicu-dev libsimdjson-dev zlib1g-dev libarchive-dev libpq-dev"
[ "$job" = test ] && packages="$packages python3-venv zstd postgresql chromium r-base-core"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "twindex needs these Debian packages; run this once, then run this command again:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
  fi
  echo "installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $missing >/dev/null
fi

if [ "$job" = demo ]; then
  exec swift run -c release twindex demo
fi

if [ ! -d ../shared ]; then
  echo "../shared is missing: the tests read the spec fixtures and conformance suite from it" >&2
  exit 1
fi

# Reference tools for the tests (oracles, not dependencies of twindex itself); chromium (above)
# loads the report in a real browser (Tests/Browser/report_check.py).
python_tools="networkx==3.* datasette==0.* pandas==3.*"
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import networkx, datasette, pandas" 2>/dev/null; then
  echo "creating .venv with the reference tools: $python_tools" >&2
  python3 -m venv .venv
  .venv/bin/pip install -q $python_tools
fi

# One command: the build fails on an import a target does not declare, every public
# declaration must have a doc comment, then the tests run.
swift build --build-tests --explicit-target-dependency-import-check error
scripts/check-public-docs.py

# The PostgreSQL tests run against a throwaway cluster (TWINDEX_TEST_PG is its URL), stopped
# and removed however the tests end. Unless TWINDEX_TEST_PG is already set: then that server.
if [ -z "${TWINDEX_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/twindex-pg.XXXXXX")
  trap 'scripts/pg-cluster.sh stop "$pg_dir"' EXIT
  TWINDEX_TEST_PG=$(scripts/pg-cluster.sh start "$pg_dir")
  export TWINDEX_TEST_PG
  echo "PostgreSQL tests use the throwaway cluster at $TWINDEX_TEST_PG" >&2
fi
swift test
