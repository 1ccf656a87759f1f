#!/bin/bash
# After a restart: one write for a new client (warming the service), then the first and the second
# write for CLIENT, whose history is long: deposits of TX and TX+1, or, given DISPUTED, a dispute of
# that old deposit of CLIENT first (its deposit is read from the stored deposits).
# Usage: first-command.sh LEDGER PORT CLIENT TX [DISPUTED]
set -u
here="$(cd "$(dirname "$0")/../.." && pwd)"
DB="$1"; PORT="$2"; CLIENT="$3"; TX="$4"; DISPUTED="${5:-}"
rm -f "/tmp/first-command-$PORT.log"
"$here/ops/payonator" serve --db "$DB" --token t --port "$PORT" > /dev/null 2> "/tmp/first-command-$PORT.log" &
pid=$!
until grep -q "serving .* at http" "/tmp/first-command-$PORT.log" 2>/dev/null; do
    sleep 0.1; kill -0 $pid 2>/dev/null || { echo "serve died"; exit 1; }
done
send() {
    curl -s -o /dev/null -w "$1: %{http_code} in %{time_total} s\n" -H 'Authorization: Bearer t' \
        -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$PORT/transactions"
}
post() {
    send "$1" "{\"type\":\"deposit\",\"client\":$2,\"tx\":$3,\"amount\":\"1\"}"
}
post "warm-up, a new client" $((CLIENT + 1)) $((TX + 9))
if [ -n "$DISPUTED" ]; then
    send "client $CLIENT, first command: dispute of tx $DISPUTED" \
        "{\"type\":\"dispute\",\"client\":$CLIENT,\"tx\":$DISPUTED}"
else
    post "client $CLIENT, first command" "$CLIENT" "$TX"
fi
post "client $CLIENT, second command" "$CLIENT" $((TX + 1))
kill $pid; wait $pid 2>/dev/null
