#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and load runs, reachable only through a Unix
# socket inside its own folder.
#
#   DATABASE_URL=$(scripts/pg_cluster.sh start /tmp/some-empty-dir)   # prints the URL
#   scripts/pg_cluster.sh stop  /tmp/some-empty-dir                   # stops it (keeps files)
#   scripts/pg_cluster.sh start-again /tmp/some-empty-dir             # after a stop
#
# PostgreSQL refuses to run as root, so as root this creates (once) and uses an unprivileged
# system user, ldnpg. Authentication is "trust" on the socket only: never use this for real data.
set -euo pipefail

command="${1:?usage: pg_cluster.sh start|stop|start-again DIR}"
dir="${2:?usage: pg_cluster.sh start|stop|start-again DIR}"
bindir="$(dirname "$(readlink -f "$(command -v initdb || echo /usr/local/bin/initdb)")")"
pg_user="${LDN_PG_USER:-ldnpg}"

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$pg_user" -- "$@"
  else
    "$@"
  fi
}

start_server() {
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null
}

case "$command" in
  start)
    if [ "$(id -u)" = 0 ]; then
      id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
    else
      pg_user="$(id -un)"
    fi
    mkdir -p "$dir/socket"
    [ "$(id -u)" = 0 ] && chown -R "$pg_user" "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U "$pg_user" --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    start_server
    as_owner "$bindir/createdb" -h "$dir/socket" -U "$pg_user" ldn
    socket="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$dir/socket")"
    echo "postgres://$pg_user@$socket/ldn"
    ;;
  start-again)
    [ "$(id -u)" = 0 ] || pg_user="$(id -un)"
    start_server
    ;;
  stop)
    [ "$(id -u)" = 0 ] || pg_user="$(id -un)"
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    fi
    ;;
  *)
    echo "usage: pg_cluster.sh start|stop|start-again DIR" >&2
    exit 2
    ;;
esac
