#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: once with warnings as
# errors, once under AddressSanitizer + UndefinedBehaviorSanitizer.
# This is the README's second command, and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
# Tests wait on PostgreSQL start-ups, windows and child processes as much as they
# compute: one more test than cores keeps the cores busy.
test_jobs=$((jobs + 1))
stage() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }
t0=$(date +%s)

stage "dependencies"
bash packaging/install-deps.sh

stage "build (Release with debug info, -Werror)"
# Line tables only (-g1): the tests need no more, and full debug info doubles the link.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DSALON_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
t1=$(date +%s)

stage "tests"
# A real window needs a display: the whole run goes under Xvfb.
(cd build && xvfb-run -a -s "-screen 0 1280x1024x24" ctest --output-on-failure -j"$test_jobs")
t2=$(date +%s)

stage "build (AddressSanitizer + UBSan)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSALON_SANITIZE=ON -DSALON_WERROR=ON -DSALON_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
t3=$(date +%s)

stage "tests under sanitizers"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The fuzz targets carry their own sanitizers (clang's libFuzzer); they ran above.
# The head-office sync loops (100 kills, a cut line, faketime's LD_PRELOAD, which
# ASan refuses to run under) run once, above; their C++ is in the unit tests here.
# So do the slowest suites (label slow) and the scripted window's GLFW twins
# (label twin): each script runs here once, on SDL.
# The same goes for five Catch2 cases that are load or kill loops or the screen-size
# matrix (each 20-60 s under the sanitizers; Catch2 v2 gives ctest no labels).
once_only='permission matrix: scan and print|every command that reads personal data or money x every role'
once_only+='|kill -9 during backup never leaves|crash test: SIGKILL while settling|every tappable target is 48 px or more and inside the window, at every size'
(cd build-asan && xvfb-run -a -s "-screen 0 1280x1024x24" ctest --output-on-failure -j"$test_jobs" -LE "fuzz|sync|slow|twin" -E "$once_only")
t4=$(date +%s)

printf '\nTimes: build %ss, tests %ss, sanitizer build %ss, sanitizer tests %ss, total %ss\n' \
  $((t1 - t0)) $((t2 - t1)) $((t3 - t2)) $((t4 - t3)) $((t4 - t0))
