#!/usr/bin/env bash
# Each module includes only what ARCHITECTURE.md allows. Headers all live under
# /usr/include, so a wrong include would still compile: this check is the guard.
set -u
root=${1:-.}
cd "$root" || exit 2
fail=0

# module dir | allowed project prefixes | forbidden system headers (regex)
check() {
  local dir=$1 allowed=$2 forbidden=$3
  while IFS= read -r line; do
    file=${line%%:*}
    # Bash's own regex matching: a sed or grep per line made this check take a minute.
    [[ ${line#*:} =~ \#[[:space:]]*include[[:space:]]*[\<\"]([^\>\"]+) ]] || continue
    inc=${BASH_REMATCH[1]}
    case "$inc" in
      app/*|storage/*|devices/*|assets/*|tests/*)
        ok=0
        for p in $allowed; do [[ "$inc" == $p* ]] && ok=1; done
        if [ $ok -eq 0 ]; then echo "$file: may not include $inc"; fail=1; fi ;;
      *)
        if [ -n "$forbidden" ] && [[ $inc =~ $forbidden ]]; then
          echo "$file: may not include <$inc>"; fail=1
        fi ;;
    esac
  done < <(grep -rHn --include='*.h' --include='*.cpp' -E '^\s*#\s*include' "$dir" | sed -E 's/^([^:]+):[0-9]+:/\1:/')
}

sys_io='^(imgui|SDL|GLFW|GL/|sqlite3|SQLiteCpp|qrencode|png\.h|sys/socket|netinet|arpa/|termios|libevdev|linux/|fstream|filesystem|thread|mutex|condition_variable|future|chrono|ctime|time\.h|unistd\.h|fcntl\.h|sys/|CLI/|backends/)'
check app/core     "app/core/" "$sys_io"
check storage      "app/core/ storage/" '^(imgui|SDL|GLFW|GL/|backends/|qrencode|libevdev|termios|CLI/)'
check devices      "app/core/ devices/ assets/" '^(imgui|SDL|GLFW|GL/|backends/|sqlite3|SQLiteCpp|CLI/)'
check app/ui       "app/core/ app/ui/ assets/" '^(SDL|GLFW|GL/|backends/|sqlite3|SQLiteCpp|qrencode|sys/socket|termios|libevdev|CLI/)'
check app/platform "app/platform/" '^(sqlite3|SQLiteCpp|qrencode|sys/socket|termios|libevdev|CLI/)'
check app/cli      "app/core/ app/cli/ storage/ devices/ assets/" '^(imgui|SDL|GLFW|GL/|backends/)'
check assets       "app/core/ assets/" '^(imgui|SDL|GLFW|GL/|backends/|sqlite3|SQLiteCpp)'
# The head office: core's shared rules and its own code; never the kiosk's storage or SQLite.
check app/hq       "app/core/ app/hq/" '^(imgui|SDL|GLFW|GL/|backends/|sqlite3|SQLiteCpp)'
# app/kiosk: desks include only core, ui and kiosk (and assets). The window's
# loop, the script runner, the wedge gate and the benchmark also use the
# platform's window types. Only the composition root (app/main.cpp, not checked,
# and the window wiring: kiosk_wiring.cpp with its header kiosk_window.h) sees
# storage, devices and the platform's backends. No other module may include
# app/kiosk/ (it is in no allowed list above).
kiosk_root="kiosk_wiring.cpp kiosk_window.h"
kiosk_window_side="kiosk_loop.h kiosk_loop.cpp kiosk_bench.h kiosk_bench.cpp script_runner.h script_runner.cpp
  wedge_gate.h wedge_gate.cpp rime_pinyin.h rime_pinyin.cpp"
for f in app/kiosk/*.h app/kiosk/*.cpp; do
  name=${f##*/}
  if [[ " $kiosk_root " == *[[:space:]]$name[[:space:]]* ]]; then continue; fi
  if [[ " $kiosk_window_side " == *[[:space:]]$name[[:space:]]* ]]; then
    check "$f" "app/core/ app/ui/ app/kiosk/ app/platform/ assets/" '^(sqlite3|SQLiteCpp|CLI/)'
  else
    check "$f" "app/core/ app/ui/ app/kiosk/ assets/" '^(SDL|GLFW|GL/|backends/|sqlite3|SQLiteCpp|CLI/)'
  fi
done

if [ $fail -ne 0 ]; then echo "include rules: FAILED"; exit 1; fi
echo "include rules: ok"
