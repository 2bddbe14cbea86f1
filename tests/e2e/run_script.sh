#!/usr/bin/env bash
# Runs one scripted session against the real window on a fresh demo database:
#   run_script.sh <salon-kiosk> <script> <sdl|glfw> <work dir>
# A script's line "#! args: ..." adds kiosk options (e.g. --fullscreen);
# "#! fixture: ..." copies a file next to the database.
# Lines "#! before: <shell>" run first, in order, with $bin, $db and $dir set
# (the session's own folder, with its backups): they prepare a damaged, empty or
# newer database for the recovery screen's scripts, or seed what a script needs.
# "#! lang: en" sets the kiosk's language (default zh-Hans).
# Uses the current display (CI runs ctest inside xvfb-run) or starts Xvfb.
set -u
bin=$1 script=$2 platform=$3 work=$4
name=$(basename "$script" .script)
mkdir -p "$work"
# Each session in its own folder: the database, its backups and the pinyin
# engine's user dictionary (rime/ beside the database), which two sessions
# running at once must not share (leveldb locks it).
dir="$work/$name-$platform"
rm -rf "$dir"
mkdir -p "$dir"
db="$dir/store.db"
export SALON_PIN_COST=min SDL_AUDIODRIVER=dummy SALON_LANG=zh-Hans
lang=$(sed -n 's/^#! lang: *//p' "$script" | head -1)
[ -n "$lang" ] && export SALON_LANG=$lang
if grep -q '^#! before:' "$script"; then
  export bin db dir
  while IFS= read -r step; do
    bash -ec "$step" || { echo "before step failed: $step" >&2; exit 1; }
  done < <(sed -n 's/^#! before: *//p' "$script")
fi
here=$(cd "$(dirname "$0")/../.." && pwd)
sed -n 's/^#! fixture: *//p' "$script" | while read -r f; do cp "$here/$f" "$(dirname "$db")/"; done
read -r -a extra <<<"$(sed -n 's/^#! args: *//p' "$script" | head -1)"
cmd=("$bin" --db "$db" --demo --platform "$platform" --script "$script" --shots "$work/shots-$platform" "${extra[@]}")
run() {
  if [ -n "${DISPLAY:-}" ]; then
    timeout 120 "${cmd[@]}"
  else
    timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" "${cmd[@]}"
  fi
}
# LeakSanitizer's own tracer sometimes dies at exit while it stops the window's
# threads ("Tracer caught signal 11", a crash of the sanitizer, not of the kiosk):
# that one failure gets one more session on a fresh database; any other counts.
run 2> >(tee "$dir/stderr.txt" >&2)
rc=$?
wait
if [ $rc -ne 0 ] && grep -q 'LeakSanitizer has encountered a fatal error' "$dir/stderr.txt" &&
   grep -q 'Tracer caught signal' "$dir/stderr.txt"; then
  if [ -z "${SALON_E2E_RETRIED:-}" ]; then
    echo "run_script.sh: LeakSanitizer's tracer crashed at exit; the session once more, from the start" >&2
    SALON_E2E_RETRIED=1 exec bash "$0" "$bin" "$script" "$platform" "$work"
  fi
fi
exit $rc
