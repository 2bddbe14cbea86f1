#!/usr/bin/env bash
# Builds the fuzz targets with clang-14 (libFuzzer + ASan + UBSan) and runs each
# for SECONDS (default 60). Usage: run_fuzz.sh SOURCE_DIR WORK_DIR [SECONDS]
set -euo pipefail
src=$1
work=$2
seconds=${SALON_FUZZ_SECONDS:-${3:-60}}
cxx=$(command -v clang++-14 || true)
if [ -z "$cxx" ]; then
  echo "run_fuzz: clang++-14 is missing (packaging/install-deps.sh installs clang-14 and libclang-rt-14-dev)" >&2
  exit 1
fi
mkdir -p "$work"
flags=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$src")

build() {  # name sources... (rebuilt only when a source is newer)
  local name=$1; shift
  local out="$work/$name"
  local newest
  newest=$(ls -t "$@" "$src/tests/fuzz/run_fuzz.sh" | head -1)
  if [ ! -x "$out" ] || [ "$newest" -nt "$out" ]; then
    echo "run_fuzz: building $name"
    "$cxx" "${flags[@]}" "$@" -o "$out.tmp" -lqrencode -lpng -lsodium -lstb -licuuc
    mv "$out.tmp" "$out"
  fi
}

esc=$src/devices/escpos
build renderer_fuzz "$src/tests/fuzz/renderer_fuzz.cpp" "$esc/virtual_printer.cpp" "$esc/codec.cpp" \
  "$esc/command_stream.cpp" "$esc/glyph_font.cpp" "$esc/qr.cpp" "$esc/profile.cpp" \
  "$src/app/core/text_rules.cpp"
build wedge_fuzz "$src/tests/fuzz/wedge_fuzz.cpp" "$src/app/core/key_wedge.cpp"

status=0
for t in renderer_fuzz wedge_fuzz; do
  corpus="$work/corpus-$t"
  mkdir -p "$corpus"
  echo "run_fuzz: $t for ${seconds}s"
  # -rss_limit_mb: the renderer holds a CJK font (~20 MB) and a glyph cache.
  if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=0 "./$t" -max_total_time="$seconds" -max_len=8192 \
        -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 "$corpus" 2>"$work/$t.log"); then
    echo "run_fuzz: $t FAILED; see $work/$t.log" >&2
    tail -40 "$work/$t.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|Done" "$work/$t.log" | tail -2 || true
  fi
done
exit $status
