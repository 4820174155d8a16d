"""Throwaway databases for the PostgreSQL scripts (scripts/pg-drills.py, Benchmarks/pg.py): on a
plain server, or on a Citus cluster, where a database is one on every node with the citus
extension in each and the workers registered with its coordinator (Citus keeps a cluster's
metadata per database). The cluster's workers are those its coordinator's own database (the
URL's) lists in pg_dist_node."""
import os, subprocess, sys, urllib.parse


def psql():
    bins = sorted(d for d in os.listdir("/usr/lib/postgresql") if os.path.isdir(f"/usr/lib/postgresql/{d}/bin"))
    return f"/usr/lib/postgresql/{bins[-1]}/bin/psql"


def run(url, *sql, rows=False):
    """Runs each statement at `url`; with rows, the last one's rows as lists of text."""
    args = [psql(), url, "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t"]
    for s in sql:
        args += ["-c", s]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{os.path.basename(sys.argv[0])}: {r.stderr.strip()} (at {url})")
    return [line.split("\t") for line in r.stdout.splitlines()] if rows else None


def with_database(url, name):
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/" + name))


def workers(coordinator):
    """The URLs of the workers `coordinator` lists (its user, their hosts and ports)."""
    parts = urllib.parse.urlsplit(coordinator)
    user = parts.username or "postgres"
    found = run(coordinator, "SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary' ORDER BY nodeport",
                rows=True)
    return [urllib.parse.urlunsplit(parts._replace(netloc=f"{user}@{host}:{port}")) for host, port in found]


def drop(server, name, citus=False):
    for node in [server] + (workers(server) if citus else []):
        run(node, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def fresh(server, name, citus=False):
    """An empty database `name` on `server` (made anew); its URL. With citus, `server` is a
    Citus coordinator: the database is made on every node and the new one's cluster set up."""
    drop(server, name, citus)
    nodes = workers(server) if citus else []
    for node in [server] + nodes:
        run(node, f"CREATE DATABASE {name}")
        if citus:
            run(with_database(node, name), "CREATE EXTENSION citus")
    url = with_database(server, name)
    if citus:
        host = urllib.parse.urlsplit(server)
        run(url, f"SELECT citus_set_coordinator_host('{host.hostname}', {host.port or 5432})",
            *[f"SELECT citus_add_node('{urllib.parse.urlsplit(w).hostname}', {urllib.parse.urlsplit(w).port})" for w in nodes])
    return url
