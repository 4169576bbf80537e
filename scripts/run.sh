#!/usr/bin/env bash
# `make run`: a ready-to-use local hub (dev settings: SQLite, embedded search, console email).
# Uploads are extracted and indexed by a background task worker, so one runs beside the web server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-.venv/bin/python}

mkdir -p "${HUB_VAR_DIR:-var}"  # SQLite creates the database file, not its folder
"$PY" manage.py migrate --noinput
"$PY" manage.py seed_demo  # idempotent; prints the admin login
# Bring an index built by an older version in line with the database (new fields, access labels).
"$PY" manage.py search_index check --fix -v0 || true
"$PY" manage.py collectstatic --noinput -v0

# The worker (db_worker + heartbeat + re-queueing of abandoned tasks) exits with status 1 when
# it cannot work (database locked for a minute, var/ read-only): start it again, as docker
# compose's `restart:` does in production.
supervise_worker() {
    local child=""
    trap 'kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; exit 0' TERM INT
    while true; do
        "$PY" manage.py run_worker &
        child=$!
        if wait "$child"; then exit 0; fi
        echo "The background worker stopped (status $?): starting it again in 5 s." >&2
        sleep 5 &
        wait $!
    done
}
supervise_worker &
worker=$!
# Whichever way the server ends (Ctrl-C included), don't leave the worker behind.
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
"$PY" manage.py runserver 127.0.0.1:8000
