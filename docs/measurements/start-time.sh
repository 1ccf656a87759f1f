#!/bin/bash
# Process start until `accounts` has printed and until `serve` listens, on an empty and a long
# ledger of each backend, alternating, three rounds. Usage:
#   start-time.sh SQLITE_EMPTY SQLITE_LONG PG_EMPTY_URL PG_LONG_URL
set -u
here="$(cd "$(dirname "$0")/../.." && pwd)"
P="$here/ops/payonator"
ts() { date +%s.%N; }
accounts() { local s; s=$(ts); "$P" accounts --db "$1" -q > /dev/null 2>&1; echo "$(echo "$(ts) - $s" | bc) (exit $?)"; }
serve() {
    local s pid; s=$(ts)
    "$P" serve --db "$1" --token t --port "$2" > /dev/null 2> "/tmp/start-time-$2.log" & pid=$!
    until grep -q "serving .* at http" "/tmp/start-time-$2.log" 2>/dev/null; do
        sleep 0.05; kill -0 $pid 2>/dev/null || { echo "serve died"; return; }
    done
    echo "$(echo "$(ts) - $s" | bc)"; kill $pid; wait $pid 2>/dev/null
}
for round in 1 2 3; do
    echo "round $round"
    echo "  sqlite accounts empty $(accounts "$1")  long $(accounts "$2")"
    echo "  pg     accounts empty $(accounts "$3")  long $(accounts "$4")"
    echo "  sqlite serve    empty $(serve "$1" 18401)  long $(serve "$2" 18402)"
    echo "  pg     serve    empty $(serve "$3" 18403)  long $(serve "$4" 18404)"
done
