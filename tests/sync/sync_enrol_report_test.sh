#!/usr/bin/env bash
# Enrolment with the right and a wrong certificate fingerprint; sales sold with
# the CLI go up with `sync now`; HQ's report for the day equals the kiosk's Z
# report; what HQ owns comes down and is refused locally; verify against HQ's heads.
source "$(dirname "$0")/sync_lib.sh"
start_hq
DB=$WORK/k/salon.db
new_kiosk "$DB"

# A wrong fingerprint: refused before the token leaves; nothing stored.
if admin sync enrol --db "$DB" --staff admin --code "$(code_with_wrong_fp "$CODE")" 2>"$WORK/err"; then
  fail "enrolled with a wrong certificate fingerprint"
fi
grep -q "hq_certificate_mismatch" "$WORK/err" || fail "wrong fingerprint: $(cat "$WORK/err")"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM sync_state")" 0 "state after a refused enrolment"
# Only an admin enrols.
if kiosk 1234 sync enrol --db "$DB" --staff mgr --code "$CODE" 2>"$WORK/err"; then fail "a manager enrolled"; fi
grep -q permission_denied "$WORK/err" || fail "manager: $(cat "$WORK/err")"

admin sync enrol --db "$DB" --staff admin --code "$CODE" >"$WORK/enrol.json"
expect_eq "$(json_get '["store"]' <"$WORK/enrol.json")" S01 "enrolled store"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'sync.enrol' AND outcome = 'ok'")" 1 "enrolment audited"

sell "$DB" 12
SALON_MANAGER_PIN=1234 kiosk 3456 void --db "$DB" --staff cash --manager mgr --reason "changed her mind" \
  --sale "$(sqlite3 "$DB" "SELECT id FROM sales WHERE kind = 'sale' LIMIT 1")" >/dev/null
before=$(admin sync status --db "$DB" --staff admin --json)
expect_eq "$(json_get '["waiting"]' <<<"$before")" "$(outbox_count "$DB")" "waiting before sync"
admin sync now --db "$DB" --staff admin --json >"$WORK/now.json"
status=$(admin sync status --db "$DB" --staff admin --json)
expect_eq "$(json_get '["waiting"]' <<<"$status")" 0 "waiting after sync"
expect_eq "$(json_get '["sent"]' <<<"$status")" "$(outbox_count "$DB")" "sent after sync"
[ "$(json_get '["last_contact"]' <<<"$status")" != "null" ] || fail "no last contact"
expect_eq "$(pg "SELECT count(*) FROM events WHERE store = 'S01'")" "$(outbox_count "$DB")" "events at HQ"
expect_report_equal "$DB" S01

# Down: HQ's catalog and this store's override; a local change of them is refused.
hq catalog set S-CUT --name "剪发(总部)" --price 99.00 --category hair >/dev/null
hq catalog set P-MASK --name "面膜" --price 128.00 --category product >/dev/null
hq price override S01 P-MASK --price 111.00 >/dev/null
admin sync now --db "$DB" --staff admin --json >"$WORK/now2.json"
expect_eq "$(json_get '["received_now"]' <"$WORK/now2.json")" 3 "changes received"
expect_eq "$(sqlite3 "$DB" "SELECT name FROM catalog_items WHERE code = 'S-CUT'")" "剪发(总部)" "HQ's name"
expect_eq "$(sqlite3 "$DB" "SELECT price FROM catalog_prices WHERE item_code = 'P-MASK' ORDER BY from_at DESC LIMIT 1")" \
  11100 "the store's override"
printf 'code,name,kind,category,price\nS-CUT,剪发,service,hair,1000\n' >"$WORK/cat.csv"
if kiosk 1234 catalog import --db "$DB" --staff mgr --csv "$WORK/cat.csv" 2>"$WORK/err" >/dev/null; then
  fail "a local change of HQ's item went through"
fi
grep -q managed_by_head_office "$WORK/err" || fail "local edit: $(cat "$WORK/err")"

# Down: HQ's promotion, tier, staff and setting are in force at the counter.
from=$(date -u -d yesterday +%F) until=$(date -u -d "+7 days" +%F)
hq promotion set WINTER --json "{\"name\":\"冬季剪发\",\"category\":\"hair\",\"percent_off_bp\":500,\"from\":\"$from\",\"until\":\"$until\"}" >/dev/null
hq tier set gold --json '{"name":"金卡","rank":9,"min_spend_fen":900000,"discounts":{"hair":1500}}' >/dev/null
hq staff add T9 --name 小周 --role beautician --stores S01 >/dev/null
hq store add S02 --name 别店 --no-qr >/dev/null
hq staff add T8 --name 别店 --role cashier --stores S02 >/dev/null
hq setting set receipt.footer "总部祝您愉快" >/dev/null
admin sync now --db "$DB" --staff admin --json >"$WORK/now3.json"
expect_eq "$(json_get '["received_now"]' <"$WORK/now3.json")" 5 "rules received"
expect_eq "$(sqlite3 "$DB" "SELECT name || percent_off_bp FROM promotions WHERE id = 'hq:WINTER'")" "冬季剪发500" "HQ's promotion"
expect_eq "$(sqlite3 "$DB" "SELECT discount_bp FROM tier_discounts WHERE tier_code = 'gold' AND category = 'hair'")" 1500 "HQ's tier"
expect_eq "$(sqlite3 "$DB" "SELECT role || active FROM staff WHERE code = 'T9'")" "beautician1" "HQ's staff member here"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM staff WHERE code = 'T8'")" 0 "another store's staff member"
expect_eq "$(sqlite3 "$DB" "SELECT value FROM store_settings WHERE key = 'receipt.footer'")" "总部祝您愉快" "HQ's setting"
sell "$DB" 1
expect_eq "$(sqlite3 "$DB" "SELECT benefits FROM sales ORDER BY rowid DESC LIMIT 1")" 495 "HQ's promotion at the counter"

sell "$DB" 2  # sales keep using HQ's prices
admin sync now --db "$DB" --staff admin >/dev/null
expect_report_equal "$DB" S01

# The audit chain against the heads HQ keeps; a chain recomputed here is found.
admin sync verify --db "$DB" --staff admin >"$WORK/verify.json"
expect_eq "$(json_get '["ok"]' <"$WORK/verify.json")" true "verify against HQ"
head=$(pg "SELECT max(seq) FROM chain_heads WHERE store = 'S01'")
sqlite3 "$DB" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = 'forged' WHERE seq = $head"
if admin sync verify --db "$DB" --staff admin >/dev/null 2>"$WORK/err"; then fail "a forged head passed"; fi
grep -q audit_differs_from_head_office "$WORK/err" || fail "forged: $(cat "$WORK/err")"
echo "ok"
