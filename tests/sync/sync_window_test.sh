#!/usr/bin/env bash
# The kiosk window against a real head office: sales made before it starts go
# up from its Sync lane without anyone asking; the status bar and Settings →
# 总部同步 say so (sync_window.script drives the window).
source "$(dirname "$0")/sync_lib.sh"
start_hq
DB=$WORK/k/salon.db
new_kiosk "$DB"
admin sync enrol --db "$DB" --staff admin --code "$CODE" >/dev/null
# A kiosk set up: its backup password saved (else the status bar warns of that first).
SALON_BACKUP_PASSWORD='open sesame 42' admin backup-password --db "$DB" --staff admin >/dev/null
sell "$DB" 3
expect_eq "$(admin sync status --db "$DB" --staff admin --json | json_get '["waiting"]')" "$(outbox_count "$DB")" "waiting"
cmd=("$K" --db "$DB" --platform sdl --script "$(dirname "$0")/sync_window.script" --shots "$WORK/shots")
export SDL_AUDIODRIVER=dummy SALON_LANG=zh-Hans
if [ -n "${DISPLAY:-}" ]; then timeout 120 "${cmd[@]}" >"$WORK/window.log" 2>&1 || fail "window: $(tail -5 "$WORK/window.log")"
else timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" "${cmd[@]}" >"$WORK/window.log" 2>&1 || fail "window: $(tail -5 "$WORK/window.log")"; fi
[ -n "${SALON_SYNC_SHOTS:-}" ] && cp -r "$WORK/shots/." "$SALON_SYNC_SHOTS/"
n=$(outbox_count "$DB")
expect_eq "$(pg "SELECT count(*) FROM events WHERE store = 'S01'")" "$n" "events at HQ from the window"
expect_report_equal "$DB" S01
echo "ok"
