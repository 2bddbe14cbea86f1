#!/usr/bin/env bash
# Installs every Debian 12 package Salon Kiosk needs to build, run and test.
# Idempotent: packages already present are skipped, so a second run is quick.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git lld
  libimgui-dev libsdl2-dev libglfw3-dev libgl-dev
  libsqlite3-dev libsqlitecpp-dev sqlite3 libqrencode-dev catch2
  libcli11-dev nlohmann-json3-dev libfmt-dev libicu-dev libsodium-dev
  libbenchmark-dev libpng-dev
  fonts-wqy-microhei fonts-material-design-icons-iconfont
  xvfb xauth mesa-utils libgl1-mesa-dri
  zbar-tools socat
  fonts-noto-cjk libstb-dev libevdev-dev clang-14 libclang-rt-14-dev
  librime-dev rime-data-luna-pinyin
  libpqxx-dev libpq-dev libcpp-httplib-dev libssl-dev postgresql-15 postgresql-15-pgtap faketime
  python3 openssl chromium
)

# The dashboard's chart library comes from npm (app/hq/web/dashboard/package-lock.json):
# node and npm from Debian when this machine has none (a NodeSource node brings its own npm).
if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(nodejs npm); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

# ECharts, exactly as pinned in the lockfile, into app/hq/web/dashboard/node_modules
# (embedded into salon-hq at build time; never fetched from a CDN). Skipped when the
# installed tree already matches the lockfile.
DASHBOARD="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/app/hq/web/dashboard"
if [ -f "$DASHBOARD/package-lock.json" ]; then
  if [ -f "$DASHBOARD/node_modules/.package-lock.json" ] &&
     [ -f "$DASHBOARD/node_modules/echarts/dist/echarts.min.js" ] &&
     [ "$DASHBOARD/node_modules/.package-lock.json" -nt "$DASHBOARD/package-lock.json" ]; then
    echo "install-deps: dashboard npm packages present"
  else
    echo "install-deps: npm ci in $DASHBOARD"
    (cd "$DASHBOARD" && npm ci --no-audit --no-fund --ignore-scripts </dev/null)
  fi
fi
