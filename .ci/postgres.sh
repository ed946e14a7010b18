#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the collection server's tests and prints
# its URL (for POSTURE_TEST_POSTGRES). Debian's `postgresql` package; initdb refuses root, so the
# cluster belongs to the `postgres` user when run as root. The data lives under a temporary
# directory, with trust authentication on loopback only: a test server, nothing else.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# A free port, unless one is given.
port=${POSTURE_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
dir=$(mktemp -d /tmp/posture-pg.XXXXXX)
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}
as_owner "'$bin/initdb' -D '$dir/data' -U posture --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir'\" start >/dev/null"
echo "postgres://posture@127.0.0.1:$port/postgres"
