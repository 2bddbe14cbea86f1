#!/usr/bin/env bash
# The network cut with a socat proxy on loopback between the kiosk and HQ:
# killed, then frozen (SIGSTOP). Selling keeps working, sync fails fast with
# hq_unreachable, backs off (doubling up to its cap) and resumes; nothing lost.
source "$(dirname "$0")/sync_lib.sh"
start_hq
DB=$WORK/k/salon.db
new_kiosk "$DB"
free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
HQ_PORT=${HQ_URL##*:}
PROXY_PORT=$(free_port)
PROXY=
proxy_up() {
  socat "TCP-LISTEN:$PROXY_PORT,bind=127.0.0.1,reuseaddr,fork" "TCP:127.0.0.1:$HQ_PORT" &
  PROXY=$!
  BACKGROUND+=("$PROXY")
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PROXY_PORT") 2>/dev/null && return; sleep 0.1; done
  fail "the proxy did not start"
}
proxy_down() { kill -9 "$PROXY"; wait "$PROXY" 2>/dev/null || true; }
proxy_up
admin sync enrol --db "$DB" --staff admin --code "$(code_via "$CODE" "https://127.0.0.1:$PROXY_PORT")" >/dev/null
sell "$DB" 3
admin sync now --db "$DB" --staff admin >/dev/null

# Killed: selling goes on; sync says so at once.
proxy_down
start=$(date +%s%N)
sell "$DB" 4
echo "4 sales with head office cut off: $(( ($(date +%s%N) - start) / 1000000 )) ms"
start=$(date +%s)
if admin sync now --db "$DB" --staff admin --timeout 3 2>"$WORK/err" >/dev/null; then fail "synced through a dead proxy"; fi
grep -q hq_unreachable "$WORK/err" || fail "dead proxy: $(cat "$WORK/err")"
[ $(($(date +%s) - start)) -le 10 ] || fail "a dead line held sync now for $(($(date +%s) - start)) s"
status=$(admin sync status --db "$DB" --staff admin --json)
expect_eq "$(json_get '["waiting"]' <<<"$status")" 4 "waiting while cut off"
expect_eq "$(json_get '["last_error"]' <<<"$status")" hq_unreachable "last error"

# Backoff: rounds fail with growing waits, then the line comes back and it resumes.
env SALON_PIN=9999 "$K" sync run --db "$DB" --staff admin --seconds 60 --until-sent --timeout 2 \
  --first-retry-ms 200 --cap-ms 1600 --interval-ms 500 </dev/null >"$WORK/rounds.jsonl" 2>"$WORK/run.err" &
RUN=$!
BACKGROUND+=("$RUN")
sleep 4
proxy_up
wait "$RUN" || fail "sync run did not finish: $(cat "$WORK/run.err")"
python3 - "$WORK/rounds.jsonl" <<'PY' || fail "backoff: $(cat "$WORK/rounds.jsonl")"
import json, sys
rounds = [json.loads(l) for l in open(sys.argv[1])]
failed = [r["retry_in_ms"] for r in rounds if not r["ok"]]
assert len(failed) >= 3, rounds
assert failed[:3] == [200, 400, 800], failed            # doubling
assert max(failed) <= 1600, failed                       # capped
assert rounds[-1]["ok"] and rounds[-1]["waiting"] == 0, rounds[-1]
print("backoff waits (ms):", failed)
PY

# Frozen: the proxy accepts nothing; sync gives up after its timeout, selling goes on.
kill -STOP "$PROXY"
sell "$DB" 2
start=$(date +%s)
if admin sync now --db "$DB" --staff admin --timeout 2 2>"$WORK/err" >/dev/null; then fail "synced through a frozen proxy"; fi
grep -q hq_unreachable "$WORK/err" || fail "frozen proxy: $(cat "$WORK/err")"
[ $(($(date +%s) - start)) -le 12 ] || fail "a frozen line held sync now for $(($(date +%s) - start)) s"
kill -CONT "$PROXY"
admin sync now --db "$DB" --staff admin >/dev/null
n=$(outbox_count "$DB")
expect_eq "$(pg "SELECT count(*) || ' ' || max(seq) FROM events WHERE store = 'S01'")" "$n $n" "events at HQ after the cuts"
expect_report_equal "$DB" S01
echo "ok"
