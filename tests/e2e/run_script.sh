#!/usr/bin/env bash
# Runs one scripted session against the real window on a fresh demo database:
#   run_script.sh <salon-kiosk> <script> <sdl|glfw> <work dir>
# A script's line "#! args: ..." adds kiosk options (e.g. --fullscreen);
# "#! fixture: ..." copies a file next to the database.
# Lines "#! before: <shell>" run first, in order, with $bin, $db and $dir set
# (the database then lives in its own folder, $dir, with its own backups): they
# prepare a damaged, empty or newer database for the recovery screen's scripts.
# "#! lang: en" sets the kiosk's language (default zh-Hans).
# Uses the current display (CI runs ctest inside xvfb-run) or starts Xvfb.
set -u
bin=$1 script=$2 platform=$3 work=$4
name=$(basename "$script" .script)
mkdir -p "$work"
db="$work/$name-$platform.db"
export SALON_PIN_COST=min SDL_AUDIODRIVER=dummy SALON_LANG=zh-Hans
lang=$(sed -n 's/^#! lang: *//p' "$script" | head -1)
[ -n "$lang" ] && export SALON_LANG=$lang
if grep -q '^#! before:' "$script"; then
  dir="$work/$name-$platform"
  rm -rf "$dir"
  mkdir -p "$dir"
  db="$dir/store.db"
  export bin db dir
  while IFS= read -r step; do
    bash -ec "$step" || { echo "before step failed: $step" >&2; exit 1; }
  done < <(sed -n 's/^#! before: *//p' "$script")
else
  rm -f "$db" "$db-wal" "$db-shm"
fi
# A script's lines "#! fixture: <file>" copy a file (relative to the repository)
# into the database's folder, where Settings → 数据导入 looks for CSV files.
here=$(cd "$(dirname "$0")/../.." && pwd)
sed -n 's/^#! fixture: *//p' "$script" | while read -r f; do cp "$here/$f" "$(dirname "$db")/"; done
read -r -a extra <<<"$(sed -n 's/^#! args: *//p' "$script" | head -1)"
cmd=("$bin" --db "$db" --demo --platform "$platform" --script "$script" --shots "$work/shots-$platform" "${extra[@]}")
if [ -n "${DISPLAY:-}" ]; then
  exec timeout 120 "${cmd[@]}"
fi
exec timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" "${cmd[@]}"
