#!/usr/bin/env bash
# `sync now` SIGKILLed at random moments (before HQ's commit, after it, before
# the kiosk marks its events sent) at least 100 times while sales go on, then
# synced to the end: every event is stored at HQ exactly once, HQ's numbers run
# 1..N without a gap, and HQ's totals equal the kiosk's Z report.
# SALON_SYNC_KILLS=N for more.
source "$(dirname "$0")/sync_lib.sh"
KILLS=${SALON_SYNC_KILLS:-100}
start_hq
DB=$WORK/k/salon.db
new_kiosk "$DB"
admin sync enrol --db "$DB" --staff admin --code "$CODE" >/dev/null
sell "$DB" 20

sent() { sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"; }
at_hq() { pg "SELECT count(*) FROM events WHERE store = 'S01'"; }
before_commit=0 between=0 after_mark=0
for ((k = 1; k <= KILLS; k++)); do
  ((k % 2)) && sell "$DB" 1
  hq_before=$(at_hq)
  env SALON_PIN=9999 "$K" sync now --db "$DB" --staff admin </dev/null >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf %03d $((RANDOM % 400)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  hq_now=$(at_hq) mine=$(sent)
  if [ "$hq_now" -eq "$hq_before" ] && [ "$hq_now" -lt "$(outbox_count "$DB")" ]; then before_commit=$((before_commit + 1))
  elif [ "$hq_now" -gt "$mine" ]; then between=$((between + 1))
  else after_mark=$((after_mark + 1)); fi
  [ "$mine" -le "$hq_now" ] || fail "kill $k: the kiosk marked $mine sent, HQ holds $hq_now"
done
echo "kills: $KILLS (nothing new at HQ: $before_commit, HQ committed but not marked here: $between, marked: $after_mark)"
[ "$between" -gt 0 ] || echo "warning: no kill landed between HQ's commit and the kiosk's mark"

admin sync now --db "$DB" --staff admin >/dev/null
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE sent_at IS NULL")" 0 "waiting at the end"
n=$(outbox_count "$DB")
expect_eq "$(at_hq)" "$n" "events at HQ"
expect_eq "$(pg "SELECT count(DISTINCT id) || ' ' || min(seq) || ' ' || max(seq) FROM events WHERE store = 'S01'")" \
  "$n 1 $n" "each event once, numbered 1..N"
sqlite3 "$DB" "SELECT id || ' ' || seq FROM outbox ORDER BY seq" >"$WORK/kiosk.ids"
pg "SELECT id || ' ' || seq FROM events WHERE store = 'S01' ORDER BY seq" >"$WORK/hq.ids"
cmp -s "$WORK/kiosk.ids" "$WORK/hq.ids" || fail "HQ's events are not the kiosk's: $(diff "$WORK/kiosk.ids" "$WORK/hq.ids" | head -5)"
expect_eq "$(pg "SELECT count(*) FROM quarantine WHERE store = 'S01'")" 0 "quarantined"
expect_report_equal "$DB" S01
echo "ok: $n events, each stored once"
