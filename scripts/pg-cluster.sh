#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests that need a server (scripts/dev.sh test runs it).
#   scripts/pg-cluster.sh start DIR   initdb in DIR (an empty directory), start the server on a
#                                     free port of 127.0.0.1, print its URL
#   scripts/pg-cluster.sh stop DIR    stop it (immediately) and remove DIR
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user the
# Debian package makes (or `nobody`). Trust authentication: it listens on 127.0.0.1 only, and its
# socket lives in DIR.
set -euo pipefail

action=${1:-}
dir=${2:-}
if [ -z "$dir" ] || { [ "$action" != start ] && [ "$action" != stop ]; }; then
  echo "usage: scripts/pg-cluster.sh start|stop DIR" >&2; exit 64
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then echo "no PostgreSQL server installed (Debian: postgresql)" >&2; exit 1; fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  getent passwd postgres >/dev/null || owner=nobody
  as_owner=(runuser -u "$owner" --)
fi

if [ "$action" = stop ]; then
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit 0
fi

[ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# C collation and UTF-8: text sorts by code point, as in SQLite.
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U twindex --auth=trust --no-locale -E UTF8 -N >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
echo "postgresql://twindex@127.0.0.1:$port/postgres"
