#!/usr/bin/env bash
# A local single-node Elasticsearch for `make test` (and for trying HUB_SEARCH_BACKEND=elasticsearch).
# Usage: scripts/elasticsearch.sh {start|stop|status}   -- every action is safe to repeat.
#
# Environment (all optional):
#   ELASTICSEARCH_PORT   HTTP port on 127.0.0.1 (default 9200)
#   ES_JAVA_HOME         JDK >= 21 to run it with (default Temurin 25); the test distribution bundles none
#   HUB_CACHE_DIR        download cache, outside the repo (default $XDG_CACHE_HOME/knowledge-hub)
#   HUB_ES_NODE_DIR      where the node is unpacked and keeps data/logs (default: see below)
#   HUB_ES_USER          service user when run as root (default hubsearch)
#   HUB_ES_START_TIMEOUT seconds to wait for the node to turn yellow (default 120)
set -euo pipefail

ES_VERSION=9.2.4
# The integration-test zip: the server plus security/netty only, no ML, no bundled JDK (100 MB, not 600).
ES_ARTIFACT=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip
PORT=${ELASTICSEARCH_PORT:-9200}
URL=http://127.0.0.1:$PORT
export ES_JAVA_HOME=${ES_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CACHE=${HUB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/knowledge-hub}
ZIP=$CACHE/es/elasticsearch-$ES_VERSION.zip
TIMEOUT=${HUB_ES_START_TIMEOUT:-120}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Elasticsearch refuses to run as root. As root we run it as a system user, and keep the node in
# that user's home: the default cache ($HOME = /root, mode 700) is not reachable by anyone else.
if [[ $EUID -eq 0 ]]; then
    ES_USER=${HUB_ES_USER:-hubsearch}
    NODE=${HUB_ES_NODE_DIR:-/var/lib/$ES_USER}
else
    ES_USER=
    NODE=${HUB_ES_NODE_DIR:-$CACHE/es}
fi
ES_HOME=$NODE/elasticsearch-$ES_VERSION
PIDFILE=$NODE/run/elasticsearch.pid
LOG=$NODE/logs/knowledge-hub.log  # named after cluster.name

healthy() {  # a node answers on the port and is usable (single node: yellow or green)
    curl -fsS --max-time 5 "$URL/_cluster/health${1:-}" 2>/dev/null | grep -Eq '"status":"(green|yellow)"'
}

node_pid() {  # prints the pid of the node we started, if it still runs (pids get reused: check it)
    local pid
    [[ -r $PIDFILE ]] && pid=$(<"$PIDFILE") && [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null &&
        grep -q org.elasticsearch "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

as_node_user() {
    if [[ -n $ES_USER ]]; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

apt_install() {  # a brand-new machine may lack a tool; as root, fetch it from Debian
    [[ $EUID -eq 0 ]] || { echo "Please install: $*" >&2; exit 1; }
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$@"; }
}

need_tools() {
    local missing=()
    command -v curl >/dev/null || missing+=(curl)
    command -v unzip >/dev/null || missing+=(unzip)
    command -v mvn >/dev/null || [[ -s $ZIP ]] || missing+=(maven)
    [[ ${#missing[@]} -eq 0 ]] || apt_install "${missing[@]}"
}

install_node() {
    need_tools
    if [[ ! -x $ES_JAVA_HOME/bin/java ]]; then
        echo "No JDK at ES_JAVA_HOME=$ES_JAVA_HOME; set ES_JAVA_HOME to a JDK >= 21." >&2
        exit 1
    fi
    if [[ ! -s $ZIP ]]; then
        echo "Downloading Elasticsearch $ES_VERSION (Maven Central) into $CACHE/es ..."
        command -v mvn >/dev/null || { echo "Maven (mvn) is needed to download Elasticsearch." >&2; exit 1; }
        mkdir -p "$CACHE/es"
        mvn -B -q -Dstyle.color=never dependency:copy -Dartifact="$ES_ARTIFACT" -DoutputDirectory="$CACHE/es"
    fi
    if [[ -n $ES_USER ]] && ! id "$ES_USER" >/dev/null 2>&1; then
        useradd --system --user-group --home-dir "$NODE" --shell /usr/sbin/nologin "$ES_USER"
    fi
    mkdir -p "$NODE"
    if [[ ! -x $ES_HOME/bin/elasticsearch ]]; then
        # Unpack beside the target and rename, so an interrupted unzip never looks installed.
        rm -rf "$NODE/.unpack"
        unzip -q "$ZIP" -d "$NODE/.unpack"
        mv "$NODE/.unpack/elasticsearch-$ES_VERSION" "$ES_HOME"
        rm -rf "$NODE/.unpack"
    fi
    mkdir -p "$NODE/data" "$NODE/logs" "$NODE/run" "$ES_HOME/config/jvm.options.d"

    # Rewritten on every start so a changed ELASTICSEARCH_PORT takes effect.
    cat >"$ES_HOME/config/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh: a throwaway single node for development and tests.
cluster.name: knowledge-hub
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
path.data: $NODE/data
path.logs: $NODE/logs
xpack.security.enabled: false
# Tests delete their indices by wildcard.
action.destructive_requires_name: false
# Developers' disks are often nearly full; don't refuse shards for that.
cluster.routing.allocation.disk.threshold_enabled: false
# Load the (large) French dictionary on first use rather than at every start.
indices.analysis.hunspell.dictionary.lazy: true
EOF
    printf -- '-Xms512m\n-Xmx512m\n' >"$ES_HOME/config/jvm.options.d/heap.options"
    bash "$HERE/hunspell-dicts.sh" "$ES_HOME/config/hunspell"

    if [[ -n $ES_USER ]]; then chown -R "$ES_USER:$ES_USER" "$NODE"; fi
}

start() {
    if healthy; then
        echo "Elasticsearch already running on $URL"
        return 0
    fi
    local t0 pid
    t0=$(date +%s.%N)  # not $EPOCHREALTIME: its decimal separator follows the locale
    if ! pid=$(node_pid); then
        install_node
        echo "Starting Elasticsearch $ES_VERSION on $URL (node in $NODE) ..."
        # From the node's folder: the service user may not be able to read our working directory.
        # -d returns once the node has started (or failed); its chatter goes to console.log.
        if ! (cd "$NODE" && as_node_user env ES_JAVA_HOME="$ES_JAVA_HOME" \
            "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE" </dev/null >"$NODE/logs/console.log" 2>&1); then
            echo "Elasticsearch failed to start. The errors in $NODE/logs/console.log:" >&2
            # The cause sits above a long stack trace: show the error lines, not just the tail.
            grep -E '\]\[(ERROR|FATAL) ?\]|^ERROR|Exception: ' "$NODE/logs/console.log" | cut -c1-300 >&2 || true
            exit 1
        fi
    fi
    local deadline=$((${t0%.*} + TIMEOUT))
    until healthy "?wait_for_status=yellow&timeout=5s"; do
        if (($(date +%s) >= deadline)) || ! node_pid >/dev/null; then
            echo "Elasticsearch did not become healthy within ${TIMEOUT}s. Last lines of $LOG:" >&2
            tail -n 40 "$LOG" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 1
    done
    awk -v t0="$t0" -v t1="$(date +%s.%N)" -v url="$URL" \
        'BEGIN { printf "Elasticsearch ready on %s after %.1f s\n", url, t1 - t0 }'
}

stop() {
    local pid
    if ! pid=$(node_pid); then
        echo "Elasticsearch not running (no live pid in $PIDFILE)"
        healthy && echo "Note: a node still answers on $URL; it was not started by this script." >&2
        return 0
    fi
    kill "$pid"
    for _ in $(seq 60); do
        kill -0 "$pid" 2>/dev/null || { echo "Elasticsearch stopped"; rm -f "$PIDFILE"; return 0; }
        sleep 1
    done
    echo "Elasticsearch (pid $pid) ignored SIGTERM for 60 s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
}

status() {
    if curl -fsS --max-time 5 "$URL/_cluster/health?pretty" 2>/dev/null; then return 0; fi
    echo "not running"
    return 3  # LSB: program is not running
}

case ${1:-} in
start | stop)
    # One start/stop at a time (e.g. two `make test` in parallel).
    mkdir -p "$CACHE/es"
    exec 9>"$CACHE/es/.lock"
    flock 9
    "$1"
    ;;
status) "$1" ;;
*)
    echo "usage: $0 {start|stop|status}" >&2
    exit 2
    ;;
esac
