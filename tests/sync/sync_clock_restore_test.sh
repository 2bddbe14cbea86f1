#!/usr/bin/env bash
# Kiosk clocks 2 days ahead and 2 days behind (faketime): HQ cuts each store's
# day by the kiosk's business day (its report equals that kiosk's Z report) and
# flags the skew. A kiosk restored from an older backup notices it is behind HQ:
# uploads stop (behind_head_office), selling goes on, its numbers continue after
# HQ's; an admin lets it upload again. Backups go up encrypted and are listed.
source "$(dirname "$0")/sync_lib.sh"
start_hq

skewed_store() {
  local store=$1 shift=$2 db=$WORK/$1/salon.db code
  code=$(hq store add "$store" --name "$store" --no-qr | head -1)
  (
    export FAKETIME="$shift" LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
    new_kiosk "$db"
    admin sync enrol --db "$db" --staff admin --code "$code" >/dev/null
    sell "$db" 3
    admin sync now --db "$db" --staff admin >/dev/null
    expect_report_equal "$db" "$store"
  )
  skew=$(pg "SELECT clock_skew_ms FROM stores WHERE code = '$store'")
  echo "$store at $shift: business day $(business_day "$db"), skew flagged by HQ: $skew ms"
  python3 -c "import sys; s=int('$skew'); w=int('$3'); sys.exit(0 if abs(s - w) < 10 * 60000 else 1)" ||
    fail "$store: skew $skew, expected about $3"
}
skewed_store S02 "+2d" 172800000
skewed_store S03 "-2d" -172800000
[ "$(business_day "$WORK/S02/salon.db")" != "$(business_day "$WORK/S03/salon.db")" ] || fail "the two kiosks share a day"

# Restored from an older backup.
DB=$WORK/k/salon.db
new_kiosk "$DB"
admin sync enrol --db "$DB" --staff admin --code "$CODE" >/dev/null
sell "$DB" 3
admin sync now --db "$DB" --staff admin >/dev/null
sell "$DB" 2  # not sent yet when the backup is taken; the lost kiosk sends them later
export SALON_BACKUP_PASSWORD='open sesame 42'
admin backup --db "$DB" --to "$WORK/older.bak" --staff admin >/dev/null
admin sync backup --db "$DB" --staff admin --file "$WORK/older.bak" >"$WORK/up.json"
[ "$(json_get '["bytes"]' <"$WORK/up.json")" -eq "$(stat -c %s "$WORK/older.bak")" ] || fail "backup upload: $(cat "$WORK/up.json")"
admin sync backups --db "$DB" --staff admin | grep -q older.bak || fail "the backup is not listed"
if admin sync backup --db "$DB" --staff admin --file "$DB" 2>"$WORK/err" >/dev/null; then fail "a plain database went up"; fi
grep -q backup_not_encrypted "$WORK/err" || fail "plain upload: $(cat "$WORK/err")"

sell "$DB" 4
admin sync now --db "$DB" --staff admin >/dev/null
held=$(pg "SELECT count(*) FROM events WHERE store = 'S01'")
admin restore --from "$WORK/older.bak" --db "$DB" --force --staff admin >/dev/null
lost_from=$(($(sqlite3 "$DB" "SELECT max(seq) FROM outbox") + 1))
sell "$DB" 1
if admin sync now --db "$DB" --staff admin 2>"$WORK/err" >/dev/null; then fail "a restored kiosk uploaded over HQ's events"; fi
grep -q behind_head_office "$WORK/err" || fail "restored: $(cat "$WORK/err")"
status=$(admin sync status --db "$DB" --staff admin --json)
expect_eq "$(json_get '["behind_through"]' <<<"$status")" "$held" "HQ holds through"
expect_eq "$(json_get '["last_error"]' <<<"$status")" behind_head_office "status"
echo "restored kiosk: HQ holds events $lost_from..$held that it lost"
expect_eq "$(pg "SELECT count(*) FROM events WHERE store = 'S01'")" "$held" "HQ untouched"
sell "$DB" 1  # selling goes on; the new event is numbered after HQ's
expect_eq "$(sqlite3 "$DB" "SELECT max(seq) FROM outbox")" $((held + 1)) "the next number"
if kiosk 1234 sync resume --db "$DB" --staff mgr 2>/dev/null >/dev/null; then fail "a manager resumed"; fi
# Resumed: the restore and the sales made since go up after HQ's number; the
# backup's own unsent events are HQ's already (ignored by id).
made_since=$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND seq >=
  (SELECT max(seq) FROM outbox WHERE type = 'data.restored')")
admin sync resume --db "$DB" --staff admin >/dev/null
admin sync now --db "$DB" --staff admin >/dev/null
total=$((held + made_since))
expect_eq "$(pg "SELECT count(*) || ' ' || max(seq) FROM events WHERE store = 'S01'")" "$total $total" "after resuming"
expect_eq "$(admin sync status --db "$DB" --staff admin --json | json_get '["waiting"]')" 0 "waiting after resuming"
echo "ok"
