#!/usr/bin/env bash
# pg_start / pg_stop: a throw-away PostgreSQL cluster on a free loopback port.
# Exports MARSAD_TEST_PG_URL for the tests. initdb refuses to run as root, so the cluster belongs
# to an unprivileged user ("postgres", created if missing).
_pg_bin() {
  local b
  for b in "$(command -v initdb 2>/dev/null)" /usr/lib/postgresql/*/bin/initdb; do
    [ -x "$b" ] && { dirname "$(readlink -f "$b")"; return; }
  done
  echo "initdb not found" >&2; return 1
}

pg_start() {
  local bin port
  bin=$(_pg_bin)
  port=${MARSAD_PG_PORT:-55432}
  PG_DIR=$(mktemp -d /tmp/marsad-pg.XXXXXX)
  id -u postgres >/dev/null 2>&1 || useradd -r -M -s /bin/bash postgres
  chown postgres "$PG_DIR"
  local run=(runuser -u postgres --)
  [ "$(id -u)" -ne 0 ] && run=()
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U marsad --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U marsad marsad_test
  export PG_BIN="$bin" PG_DIR
  export MARSAD_TEST_PG_URL="postgresql://marsad@127.0.0.1:$port/marsad_test"
  echo "PostgreSQL running: $MARSAD_TEST_PG_URL"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  local run=(runuser -u postgres --)
  [ "$(id -u)" -ne 0 ] && run=()
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
