#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1:55432 for the store tests (installs
# Debian's postgresql when missing) and prints the admin URL. Trust auth, loopback only.
set -euo pipefail
port=${LAGESBILD_PG_PORT:-55432}
dir=${LAGESBILD_PG_DIR:-/tmp/lagesbild-pg}
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else $sudo -u postgres sh -c "$*"; fi; }

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  $sudo rm -rf "$dir"; $sudo mkdir -p "$dir"; $sudo chown postgres "$dir"
  as_pg "$bin/initdb -D $dir/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  as_pg "$bin/pg_ctl -D $dir/data -l $dir/log -w -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
