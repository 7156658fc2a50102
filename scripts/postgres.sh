#!/usr/bin/env bash
# Installs (if missing) and starts a local PostgreSQL for voxloop's test suite, then prints the variables that
# point the tests at it. Idempotent; for root on Debian 12 without systemd (as on the CI machine).
#
#   eval "$(scripts/postgres.sh)"        # sets VOXLOOP_TEST_DB_URL, _USER, _PASSWORD in this shell
#   scripts/postgres.sh stop             # stops the cluster again
#
# Progress goes to stderr; only the export lines go to stdout.
set -euo pipefail

DB_NAME=${VOXLOOP_PG_DB:-voxloop}
DB_USER=${VOXLOOP_PG_USER:-voxloop}
DB_PASSWORD=${VOXLOOP_PG_PASSWORD:-voxloop}
PORT=${VOXLOOP_PG_PORT:-5432}

say() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  say "must run as root (it installs packages and starts the cluster)"
  exit 1
fi

cluster_version() {
  # newest installed major version that has a cluster named main
  pg_lsclusters -h 2>/dev/null | awk '$2 == "main" {print $1}' | sort -n | tail -1
}

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(cluster_version)" ]; then
  say "installing the postgresql package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION=$(cluster_version)
if [ -z "$VERSION" ]; then
  say "no PostgreSQL cluster named main after installing; see pg_lsclusters"
  exit 1
fi

if [ "${1:-}" = stop ]; then
  pg_ctlcluster "$VERSION" main stop >&2 || true
  say "stopped cluster $VERSION/main"
  exit 0
fi

if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  say "starting cluster $VERSION/main"
  pg_ctlcluster "$VERSION" main start >&2
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -p $PORT -tAc 'select 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

psql_admin() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -tAc \"$1\""; }

if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
  say "creating role $DB_USER"
  psql_admin "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" >/dev/null
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  say "creating database $DB_NAME"
  psql_admin "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null
fi

if ! PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" -tAc 'select 1' >/dev/null; then
  say "cannot log in as $DB_USER over TCP on 127.0.0.1:$PORT"
  exit 1
fi
say "PostgreSQL $VERSION ready: database $DB_NAME, user $DB_USER on 127.0.0.1:$PORT"

echo "export VOXLOOP_TEST_DB_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB_NAME"
echo "export VOXLOOP_TEST_DB_USER=$DB_USER"
echo "export VOXLOOP_TEST_DB_PASSWORD=$DB_PASSWORD"
