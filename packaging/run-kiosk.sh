#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk on its embedded default:
# a SQLite file in the user's data directory. Pass --demo to seed the demo salon
# on first run; any other arguments go to build/salon-kiosk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target salon-kiosk
exec ./build/salon-kiosk "$@"
