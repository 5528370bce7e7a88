# shellcheck shell=bash
# Starts PostgreSQL and MariaDB on 127.0.0.1 for the samples' integration tests and exports the
# variables the tests read. Sourced by .ci/run (which runs as root, under `set -euo pipefail`).
#
# Exports, for each server that came up:
#   PATCHBAY_PG_URL=jdbc:postgresql://127.0.0.1:$PATCHBAY_PG_PORT/patchbay
#   PATCHBAY_PG_USER=patchbay  PATCHBAY_PG_PASSWORD=patchbay
#   PATCHBAY_MYSQL_URL=jdbc:mariadb://127.0.0.1:$PATCHBAY_MYSQL_PORT/patchbay
#   PATCHBAY_MYSQL_USER=patchbay  PATCHBAY_MYSQL_PASSWORD=patchbay
# A server that cannot be installed or started is reported and its variables stay unset, so its
# tests skip with that reason instead of failing the build.
#
# Idempotent: a second run reuses the data directories and servers that are already up. The
# servers use private data directories and ports (not the distribution's default services), and
# are stopped when the sourcing shell exits unless PATCHBAY_KEEP_DATABASES=1.
# `bash .ci/start-databases.sh stop` stops them by hand.

PATCHBAY_DB_DIR="${PATCHBAY_DB_DIR:-/tmp/patchbay-ci-databases}"
PATCHBAY_PG_PORT="${PATCHBAY_PG_PORT:-55432}"
PATCHBAY_MYSQL_PORT="${PATCHBAY_MYSQL_PORT:-53306}"

patchbay_db_log() {
  echo "== databases: $*" >&2
}

# Installs what is missing from Debian's packages; no stdin, no prompts.
patchbay_db_install() {
  local missing=()
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  patchbay_db_mariadbd >/dev/null || missing+=(mariadb-server mariadb-client)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    patchbay_db_log "not root: cannot apt-get install ${missing[*]}"
    return 1
  fi
  patchbay_db_log "installing ${missing[*]}"
  # Package scripts must not start the distribution's own services in a container.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  local status=0
  apt-get update -q </dev/null >&2 || status=$?
  if [ $status -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      "${missing[@]}" </dev/null >&2 || status=$?
  fi
  [ $created_policy -eq 1 ] && rm -f "$policy"
  return $status
}

patchbay_db_mariadbd() {
  local candidate
  for candidate in "$(command -v mariadbd 2>/dev/null)" /usr/sbin/mariadbd /usr/sbin/mysqld; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

patchbay_db_pg_bin() {
  local initdb
  initdb="$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)"
  [ -n "$initdb" ] && dirname "$initdb"
}

patchbay_db_start_postgres() {
  local bin dir
  bin="$(patchbay_db_pg_bin)" || { patchbay_db_log "PostgreSQL is not installed"; return 1; }
  dir="$PATCHBAY_DB_DIR/postgres"
  mkdir -p "$PATCHBAY_DB_DIR" && chmod 755 "$PATCHBAY_DB_DIR" || return 1
  if [ ! -f "$dir/PG_VERSION" ]; then
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres: "$dir" && chmod 700 "$dir" || return 1
    # initdb refuses to run as root; the package created the postgres system user.
    runuser -u postgres -- "$bin/initdb" -D "$dir" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$PATCHBAY_DB_DIR/postgres-initdb.log" 2>&1 \
      || { patchbay_db_log "initdb failed, see $PATCHBAY_DB_DIR/postgres-initdb.log"; return 1; }
  fi
  if ! runuser -u postgres -- "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PATCHBAY_PG_PORT -k $dir" start >/dev/null \
      || { patchbay_db_log "PostgreSQL did not start, see $dir/server.log"; return 1; }
  fi
  local psql=(runuser -u postgres -- "$bin/psql" -h "$dir" -p "$PATCHBAY_PG_PORT" -U postgres
    -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'patchbay'")" != 1 ]; then
    "${psql[@]}" -c "CREATE ROLE patchbay LOGIN PASSWORD 'patchbay'" || return 1
  fi
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'patchbay'")" != 1 ]; then
    "${psql[@]}" -c "CREATE DATABASE patchbay OWNER patchbay" || return 1
  fi
  export PATCHBAY_PG_URL="jdbc:postgresql://127.0.0.1:$PATCHBAY_PG_PORT/patchbay"
  export PATCHBAY_PG_USER=patchbay
  export PATCHBAY_PG_PASSWORD=patchbay
  patchbay_db_log "PostgreSQL on 127.0.0.1:$PATCHBAY_PG_PORT (data in $dir)"
}

patchbay_db_start_mariadb() {
  local mariadbd dir data client
  mariadbd="$(patchbay_db_mariadbd)" || { patchbay_db_log "MariaDB is not installed"; return 1; }
  client="$(command -v mariadb || command -v mysql)" \
    || { patchbay_db_log "the mariadb client is not installed"; return 1; }
  dir="$PATCHBAY_DB_DIR/mariadb"
  data="$dir/data"
  id mysql >/dev/null 2>&1 || { patchbay_db_log "no mysql system user"; return 1; }
  mkdir -p "$dir" && chown mysql: "$dir" || return 1
  local socket="$dir/mysqld.sock"
  local sql=("$client" --no-defaults --protocol=socket --socket="$socket" -uroot)
  if [ ! -d "$data/mysql" ]; then
    rm -rf "$data"
    local install_db
    install_db="$(command -v mariadb-install-db || command -v mysql_install_db)" \
      || { patchbay_db_log "mariadb-install-db is missing"; return 1; }
    "$install_db" --no-defaults --user=mysql --datadir="$data" --skip-test-db \
      --auth-root-authentication-method=socket >"$dir/install.log" 2>&1 \
      || { patchbay_db_log "mariadb-install-db failed, see $dir/install.log"; return 1; }
  fi
  if ! "${sql[@]}" -e "SELECT 1" >/dev/null 2>&1; then
    # setsid: the server must outlive neither more nor less than the CI shell that stops it.
    setsid "$mariadbd" --no-defaults --user=mysql --datadir="$data" --socket="$socket" \
      --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" --bind-address=127.0.0.1 \
      --port="$PATCHBAY_MYSQL_PORT" --skip-name-resolve </dev/null >/dev/null 2>&1 &
    local waited=0
    until "${sql[@]}" -e "SELECT 1" >/dev/null 2>&1; do
      if [ $waited -ge 60 ]; then
        patchbay_db_log "MariaDB did not start within 60 s, see $dir/error.log"
        return 1
      fi
      sleep 1
      waited=$((waited + 1))
    done
  fi
  "${sql[@]}" -e "CREATE DATABASE IF NOT EXISTS patchbay;
    CREATE USER IF NOT EXISTS 'patchbay'@'127.0.0.1' IDENTIFIED BY 'patchbay';
    CREATE USER IF NOT EXISTS 'patchbay'@'localhost' IDENTIFIED BY 'patchbay';
    GRANT ALL PRIVILEGES ON patchbay.* TO 'patchbay'@'127.0.0.1';
    GRANT ALL PRIVILEGES ON patchbay.* TO 'patchbay'@'localhost';" || return 1
  export PATCHBAY_MYSQL_URL="jdbc:mariadb://127.0.0.1:$PATCHBAY_MYSQL_PORT/patchbay"
  export PATCHBAY_MYSQL_USER=patchbay
  export PATCHBAY_MYSQL_PASSWORD=patchbay
  patchbay_db_log "MariaDB on 127.0.0.1:$PATCHBAY_MYSQL_PORT (data in $data)"
}

patchbay_stop_databases() {
  local bin dir="$PATCHBAY_DB_DIR"
  if bin="$(patchbay_db_pg_bin)" && [ -f "$dir/postgres/PG_VERSION" ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/postgres" -m fast -w stop >/dev/null 2>&1 \
      && patchbay_db_log "PostgreSQL stopped"
  fi
  if [ -f "$dir/mariadb/mysqld.pid" ]; then
    local admin
    admin="$(command -v mariadb-admin || command -v mysqladmin)" \
      && "$admin" --no-defaults --socket="$dir/mariadb/mysqld.sock" -uroot shutdown >/dev/null 2>&1 \
      && patchbay_db_log "MariaDB stopped"
  fi
  return 0
}

patchbay_start_databases() {
  if ! patchbay_db_install; then
    patchbay_db_log "could not install the database packages; the server tests will skip"
  fi
  patchbay_db_start_postgres \
    || patchbay_db_log "PostgreSQL unavailable; the postgres backend tests will skip"
  patchbay_db_start_mariadb \
    || patchbay_db_log "MariaDB unavailable; the mysql backend tests will skip"
  if [ "${PATCHBAY_KEEP_DATABASES:-0}" != 1 ]; then
    trap patchbay_stop_databases EXIT
  fi
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Run directly: `bash .ci/start-databases.sh [stop]`.
  set -uo pipefail
  if [ "${1:-start}" = stop ]; then
    patchbay_stop_databases
  else
    PATCHBAY_KEEP_DATABASES=1 patchbay_start_databases
    env | grep '^PATCHBAY_\(PG\|MYSQL\)_' | sort
  fi
else
  patchbay_start_databases
fi
