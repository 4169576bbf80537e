#!/usr/bin/env bash
# A local PostgreSQL cluster for `make test` (the database tests run on it too, as production
# runs PostgreSQL). Debian's `postgresql` binaries, a cluster of our own (not the system service),
# owned by an unprivileged user, listening on 127.0.0.1 only, trust authentication for the
# `hub` role (a throwaway test cluster: never use it for data).
# Usage: scripts/postgres.sh {start|stop|status|url}   -- every action is safe to repeat.
#
# Environment (all optional):
#   HUB_PG_PORT      port on 127.0.0.1 (default 5433, beside a system PostgreSQL on 5432)
#   HUB_PG_DIR       where the cluster lives (default: see below)
#   HUB_PG_USER      system user owning the cluster when run as root (default hubpg)
set -euo pipefail

PORT=${HUB_PG_PORT:-5433}
CACHE=${HUB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/knowledge-hub}
# PostgreSQL refuses to run as root: as root the cluster belongs to a system user, in its home.
if [[ $EUID -eq 0 ]]; then
    PG_USER=${HUB_PG_USER:-hubpg}
    DIR=${HUB_PG_DIR:-/var/lib/$PG_USER}
else
    PG_USER=
    DIR=${HUB_PG_DIR:-$CACHE/postgres}
fi
DATA=$DIR/data
LOG=$DIR/postgres.log
URL=postgres://hub@127.0.0.1:$PORT/hub

bin_dir() {  # the newest Debian PostgreSQL installed
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n $found ]] || { echo "PostgreSQL is not installed (make postgres installs Debian's)." >&2; exit 1; }
    echo "$found"
}

as_owner() {
    if [[ -n $PG_USER ]]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

ready() {
    "$(bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U hub -d hub
}

start() {
    local bin
    bin=$(bin_dir)
    if ready; then return 0; fi
    if [[ -n $PG_USER ]] && ! id -u "$PG_USER" >/dev/null 2>&1; then
        useradd --system --user-group --home-dir "$DIR" --shell /usr/sbin/nologin "$PG_USER"
    fi
    mkdir -p "$DIR"
    [[ -n $PG_USER ]] && chown "$PG_USER:" "$DIR"
    if [[ ! -s $DATA/PG_VERSION ]]; then
        as_owner "$bin/initdb" -D "$DATA" -U hub --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # Speed over durability: a test cluster, rebuilt at will.
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o \
        "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null
    "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U hub hub 2>/dev/null || true
    ready || { echo "PostgreSQL did not start: see $LOG" >&2; exit 1; }
}

stop() {
    [[ -s $DATA/postmaster.pid ]] || return 0
    as_owner "$(bin_dir)/pg_ctl" -D "$DATA" -w -m fast stop >/dev/null || true
}

case ${1:-} in
    start) start; echo "PostgreSQL ready at $URL" ;;
    stop) stop ;;
    status) if ready; then echo "up: $URL"; else echo "down"; exit 1; fi ;;
    url) echo "$URL" ;;
    *) echo "Usage: $0 {start|stop|status|url}" >&2; exit 2 ;;
esac
