# Shared by the sync tests: a head office of their own (salon-hq sandbox in a
# fresh /tmp folder, stopped in the EXIT trap), kiosks made with demo-data, sales
# through the CLI, and checks. Sourced, never run.
set -euo pipefail

K=${SALON_KIOSK_BIN:?salon-kiosk}
HQ=${SALON_HQ_BIN:?salon-hq}
PSQL=/usr/lib/postgresql/15/bin/psql
export SALON_PIN_COST=min SALON_BACKUP_COST=min SALON_LANG=en
WORK=$(mktemp -d /tmp/salon-sync-test.XXXXXX)
chmod 711 "$WORK"  # the sandbox's PostgreSQL runs as postgres and must reach $WORK/hq
BACKGROUND=()

cleanup() {
  local pid
  for pid in "${BACKGROUND[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  [ -d "$WORK/hq" ] && "$HQ" sandbox --dir "$WORK/hq" --stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" == "$2" ] || fail "$3: expected [$2], got [$1]"; }
json_get() { python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps(d$1) if not isinstance(d$1, str) else d$1)"; }

# Sets HQ_URL, PG and CODE (the enrolment code for store S01).
start_hq() {
  mkdir -p "$WORK/hq"
  local info
  info=$("$HQ" sandbox --dir "$WORK/hq" | tail -1)
  HQ_URL=$(json_get '["hq"]' <<<"$info")
  PG=$(json_get '["pg"]' <<<"$info")
  CODE=$(json_get '["code"]' <<<"$info")
}
pg() { "$PSQL" "$PG" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }
hq() { "$HQ" "$@" --pg "$PG"; }

# kiosk PIN ARGS...: salon-kiosk as the staff member whose PIN is given.
kiosk() { local pin=$1; shift; SALON_PIN=$pin "$K" "$@" </dev/null; }
admin() { kiosk 9999 "$@"; }

# A new store with the demo catalog and staff, its day open.
new_kiosk() {
  local db=$1
  "$K" demo-data --db "$db" >/dev/null
  kiosk 3456 day open --db "$db" --staff cash --float 20000 >/dev/null
}

# A code whose certificate fingerprint is another one (the last hex digit changed).
code_with_wrong_fp() {
  python3 - "$1" <<'PY'
import base64, json, sys
code = sys.argv[1]
raw = code.split(".", 1)[1]
d = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
d["fp"] = d["fp"][:-1] + ("0" if d["fp"][-1] != "0" else "1")
print("SALONHQ1." + base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("="))
PY
}

# Same code, another URL (a proxy in front of HQ).
code_via() {
  python3 - "$1" "$2" <<'PY'
import base64, json, sys
code, url = sys.argv[1], sys.argv[2]
raw = code.split(".", 1)[1]
d = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
d["url"] = url
print("SALONHQ1." + base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("="))
PY
}

SALE_NO=0
# sell DB N [ENV...]: N sales by the cashier (cut and mask, paid by WeChat and cash).
sell() {
  local db=$1 n=$2 i id
  shift 2
  for ((i = 0; i < n; i++)); do
    SALE_NO=$((SALE_NO + 1))
    id=$(python3 -c "import uuid; print(uuid.uuid4())")
    cat >"$WORK/sale.json" <<JSON
{"id":"$id","customer":null,"lines":[{"item":"S-CUT","qty":1,"staff":["beau"]},{"item":"P-MASK","qty":$((SALE_NO % 3 + 1))}],
 "tenders":[{"type":"wechat","amount":20000,"ref":"WX$SALE_NO"},{"type":"cash","amount":40000}]}
JSON
    env "$@" SALON_PIN=3456 "$K" sale --db "$db" --staff cash --json "$WORK/sale.json" </dev/null >/dev/null ||
      fail "sale $SALE_NO was refused"
  done
}

outbox_count() { sqlite3 "$1" "SELECT count(*) FROM outbox"; }
business_day() { sqlite3 "$1" "SELECT date FROM business_days WHERE closed_at IS NULL"; }

# HQ's report for the day equals the kiosk's Z report (sales, voids, refunds, gross, tenders).
expect_report_equal() {
  local db=$1 store=$2 day
  day=$(business_day "$db")
  kiosk 1234 report z --db "$db" --staff mgr --date "$day" >"$WORK/z.json"
  hq report stores --json >"$WORK/hq.json"
  python3 - "$WORK/z.json" "$WORK/hq.json" "$store" "$day" <<'PY' || fail "HQ's report differs from the Z report"
import json, sys
z = json.load(open(sys.argv[1])); rows = json.load(open(sys.argv[2])); store, day = sys.argv[3], sys.argv[4]
mine = [r for r in rows if r["store"] == store and r["business_day"] == day]
assert len(mine) == 1, ("no HQ row", rows)
h = mine[0]
want = {"sales": z["sales"], "voids": z["voids"], "refunds": z["refunds"], "gross": z["total"],
        "tenders": {k: v for k, v in z["by_tender"].items() if v != 0}}
got = {"sales": h["sales"], "voids": h["voids"], "refunds": h["refunds"], "gross": h["gross"],
       "tenders": {k: v for k, v in h["tenders"].items() if v != 0}}
if want != got:
    print("kiosk", want, "\nhq   ", got, file=sys.stderr)
    sys.exit(1)
PY
}
