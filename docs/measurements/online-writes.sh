#!/bin/bash
# The online write rate (issue 14): start `serve` on a fresh SQLite ledger, warm it up, then wrk
# with 64 connections, first on GET /actuator/health, then posting single-row JSON deposits with
# distinct tx ids (online-writes.lua); print both rates, their ratio and the deposits' p99, and
# stop the service. One run; take the median of three. Also printed: the service's CPU time (all
# its threads, user and system) per answer in each phase, a figure that other processes on the
# machine disturb less than the rates.
#
# Usage: docs/measurements/online-writes.sh [SECONDS] [CONNECTIONS]      (default 15 s, 64)
# Environment: PAYONATOR the launcher (default: this repository's ops/payonator), PORT (18080),
# DB a ledger to use instead of a fresh SQLite file (a PostgreSQL URL: give an empty database),
# WARMUP seconds of each request before measuring (60), THREADS wrk threads (2).
# The warm-up is long because the rates are a running service's: after 10 s of deposits the JIT's
# C2 compiler was still a third of the service's CPU per deposit, and the rate was 40% of what it
# is once compiling is done (docs/PERFORMANCE.md, 2026-11-30, fifth session).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-15}"
connections="${2:-64}"
payonator="${PAYONATOR:-$here/../../ops/payonator}"
port="${PORT:-18080}"
warmup="${WARMUP:-60}"
threads="${THREADS:-2}"
token=s3cret
work="$(mktemp -d)"
db="${DB:-$work/ledger.db}"
url="http://127.0.0.1:$port"

"$payonator" serve --db "$db" --port "$port" --token "$token" > /dev/null 2> "$work/serve.log" &
pid=$!
stop() {
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT
until grep -q "serving .* at http" "$work/serve.log" 2>/dev/null; do
    sleep 0.2
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; echo "serve died" >&2; exit 1; }
done

# the service's CPU time so far, user and system, in clock ticks
cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$pid/stat"
}
# $1 mode, $2 seconds, $3 first tx id; prints wrk's RESULT line with the service's cpu_ticks used
run() {
    local before result
    before="$(cpu_ticks)"
    result="$(WRK_MODE="$1" WRK_TOKEN="$token" WRK_TX_BASE="$3" \
        wrk -t"$threads" -c"$connections" -d"$2s" --latency -s "$here/online-writes.lua" "$url" | grep "^RESULT")"
    echo "$result cpu_ticks=$(( $(cpu_ticks) - before ))" | tee /dev/stderr
}
# the service's CPU microseconds per answer of a RESULT line
cpu_per_answer() {
    echo "$(field cpu_ticks "$1") * 1000000 / $(getconf CLK_TCK) / $(field requests "$1")" | bc
}
field() {
    grep -o "$1=[0-9.]*" <<<"$2" | cut -d= -f2
}

# the warm-up's deposits take tx ids from 1,000,000,000 on, the measured ones from 0
run health "$warmup" 0 > /dev/null
run deposit "$warmup" 1000000000 > /dev/null
health="$(run health "$seconds" 0)"
deposits="$(run deposit "$seconds" 0)"
for line in "$health" "$deposits"; do
    if [ "$(field not_ok "$line")" != 0 ] || [ "$(field socket_errors "$line")" != 0 ]; then
        echo "warning: not every answer was a 200 (and, for a deposit, accepted): $line" >&2
    fi
done
health_rate="$(field rate "$health")"
write_rate="$(field rate "$deposits")"
printf 'health %.0f/s, deposits %.0f/s, ratio %.2f, deposits p99 %s ms (%s connections, %s s);'\
' service CPU per answer: health %s us, deposit %s us\n' \
    "$health_rate" "$write_rate" "$(echo "$write_rate / $health_rate" | bc -l)" "$(field p99_ms "$deposits")" \
    "$connections" "$seconds" "$(cpu_per_answer "$health")" "$(cpu_per_answer "$deposits")"
