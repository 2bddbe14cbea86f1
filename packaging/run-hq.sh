#!/usr/bin/env bash
# Runs the head office on this machine: installs what is missing (PostgreSQL 15
# among it), starts the system cluster, creates the `salonhq` role and database
# (a random password kept in the data folder, 0600), builds salon-hq and starts it.
#   SALON_HQ_DIR     data folder: certificate, key, the role's password (default /var/lib/salon-hq)
#   SALON_HQ_LISTEN  HOST:PORT to listen on (default 0.0.0.0:8443)
#   SALON_HQ_URL     the URL kiosks reach it by, carried in enrolment codes
#                    (default https://<this machine's first address>:<port>)
# Then: ./build/salon-hq store add S01 --name 一店 --pg "$(cat $SALON_HQ_DIR/pg-url)"
# and the owner's dashboard (https://HOST:PORT/dashboard/): a login, its password on stdin:
#   ./build/salon-hq user add owner --role owner --name 陈总 --pg "$(cat $SALON_HQ_DIR/pg-url)"
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
DIR=${SALON_HQ_DIR:-/var/lib/salon-hq}
LISTEN=${SALON_HQ_LISTEN:-0.0.0.0:8443}
PORT=${LISTEN##*:}
$SUDO mkdir -p "$DIR"
$SUDO chown "$(id -u):$(id -g)" "$DIR"
chmod 0700 "$DIR"

# The system cluster (Debian's postgresql-15 makes 15/main); started without systemd too.
if ! pg_lsclusters -h 2>/dev/null | awk '$1 == "15" && $2 == "main"' | grep -q online; then
  $SUDO pg_ctlcluster 15 main start
fi
pg() { $SUDO runuser -u postgres -- psql -XAtq -v ON_ERROR_STOP=1 "$@"; }

if [ ! -s "$DIR/pg-password" ]; then
  (umask 077 && openssl rand -hex 24 > "$DIR/pg-password")
fi
PASSWORD=$(cat "$DIR/pg-password")
if [ "$(pg -c "SELECT 1 FROM pg_roles WHERE rolname = 'salonhq'")" != "1" ]; then
  pg -c "CREATE ROLE salonhq LOGIN PASSWORD '$PASSWORD'"
else
  pg -c "ALTER ROLE salonhq PASSWORD '$PASSWORD'"
fi
if [ "$(pg -c "SELECT 1 FROM pg_database WHERE datname = 'salonhq'")" != "1" ]; then
  pg -c "CREATE DATABASE salonhq OWNER salonhq ENCODING 'UTF8' TEMPLATE template0"
fi
PG_URL="postgresql://salonhq:$PASSWORD@127.0.0.1:5432/salonhq"
(umask 077 && echo "$PG_URL" > "$DIR/pg-url")

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target salon-hq

ADDRESS=$(hostname -I 2>/dev/null | awk '{print $1}')
URL=${SALON_HQ_URL:-https://${ADDRESS:-127.0.0.1}:$PORT}
echo "run-hq: salon-hq at $URL; enrol a store with:"
echo "  ./build/salon-hq store add S01 --name 一店 --pg \"\$(cat $DIR/pg-url)\""
exec ./build/salon-hq serve --pg "$PG_URL" --listen "$LISTEN" --dir "$DIR" --public-url "$URL"
