#!/usr/bin/env bash
# Entrypoint of podium-mysql:local (MariaDB 10.11 from Debian), modelled on the official mysql
# image as far as Testcontainers' MySQLContainer needs it:
# - honours MYSQL_DATABASE, MYSQL_USER, MYSQL_PASSWORD, MYSQL_ROOT_PASSWORD,
#   MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD, MYSQL_ROOT_HOST (default %),
# - initialises an empty data dir with a temporary server that has no networking and whose log
#   goes to a file, so "ready for connections" is never printed before users exist,
# - runs /docker-entrypoint-initdb.d/*.sql, *.sql.gz and *.sh on first start,
# - then execs mariadbd as PID 1 (docker stop shuts it down cleanly).
set -euo pipefail

log() { echo "$(date -u '+%F %T') 0 [Note] [Entrypoint]: $*" >&2; }
die() { echo "$(date -u '+%F %T') 0 [ERROR] [Entrypoint]: $*" >&2; exit 1; }

# Like the official image: flags alone mean "mariadbd with these flags"; mysqld is mariadbd.
if [ "${1:-}" = "" ] || [ "${1:0:1}" = "-" ]; then set -- mariadbd "$@"; fi
if [ "$1" = "mysqld" ]; then shift; set -- mariadbd "$@"; fi
if [ "$1" != "mariadbd" ]; then exec "$@"; fi
for a in "$@"; do  # mariadbd --version / --help: no initialisation needed
  case "$a" in -'?'|--help|-V|--version|--print-defaults) exec "$@" ;; esac
done

# SQL string literal / identifier quoting.
sql_str() { local v=${1//\\/\\\\}; v=${v//\'/\\\'}; printf "'%s'" "$v"; }
sql_id() { printf '`%s`' "${1//\`/\`\`}"; }

datadir="$(my_print_defaults --mysqld | sed -n 's/^--datadir=//p' | tail -n 1)"
datadir="${datadir:-/var/lib/mysql}"
socket=/run/mysqld/mysqld.sock
mkdir -p "$datadir" /run/mysqld
chown mysql:mysql "$datadir" /run/mysqld

root_pw="${MYSQL_ROOT_PASSWORD:-}"

if [ ! -d "$datadir/mysql" ]; then
  if [ -z "$root_pw" ] && [ -z "${MYSQL_ALLOW_EMPTY_PASSWORD:-}" ] && [ -z "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ]; then
    die "Database is uninitialized and password option is not specified.
    You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD"
  fi
  if [ "${MYSQL_USER:-}" = "root" ]; then
    die 'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user'
  fi
  if [ -n "${MYSQL_RANDOM_ROOT_PASSWORD:-}" ] && [ -z "$root_pw" ]; then
    root_pw="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    log "GENERATED ROOT PASSWORD: $root_pw"
  fi

  log "Initializing database files in $datadir"
  init_log=/tmp/podium-init.log
  mariadb-install-db --user=mysql --datadir="$datadir" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve --skip-log-bin >"$init_log" 2>&1 \
    || { cat "$init_log" >&2; die "mariadb-install-db failed"; }

  log "Starting temporary server (no networking)"
  "$@" --user=mysql --skip-networking --socket="$socket" --skip-log-bin >>"$init_log" 2>&1 &
  tmp_pid=$!
  client=(mariadb --protocol=socket --socket="$socket" -uroot)
  for _ in $(seq 1 150); do
    if "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1; then break; fi
    kill -0 "$tmp_pid" 2>/dev/null || { cat "$init_log" >&2; die "temporary server died"; }
    sleep 0.2
  done
  "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 || { cat "$init_log" >&2; die "temporary server did not start"; }

  root_host="${MYSQL_ROOT_HOST:-%}"
  {
    # Only root@localhost (socket) and root@MYSQL_ROOT_HOST remain, both with the root password.
    echo "DROP USER IF EXISTS root@'127.0.0.1', root@'::1';"
    echo "EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS root@''', @@hostname, '''');"
    echo "SET PASSWORD FOR root@localhost = PASSWORD($(sql_str "$root_pw"));"
    if [ "$root_host" != "localhost" ]; then
      echo "CREATE USER root@$(sql_str "$root_host") IDENTIFIED BY $(sql_str "$root_pw");"
      echo "GRANT ALL ON *.* TO root@$(sql_str "$root_host") WITH GRANT OPTION;"
      echo "GRANT PROXY ON ''@'%' TO root@$(sql_str "$root_host") WITH GRANT OPTION;"
    fi
    if [ -n "${MYSQL_DATABASE:-}" ]; then
      echo "CREATE DATABASE IF NOT EXISTS $(sql_id "$MYSQL_DATABASE") CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    fi
    if [ -n "${MYSQL_USER:-}" ]; then
      [ -n "${MYSQL_PASSWORD:-}" ] || die "MYSQL_USER is set but MYSQL_PASSWORD is empty"
      echo "CREATE USER $(sql_str "$MYSQL_USER")@'%' IDENTIFIED BY $(sql_str "$MYSQL_PASSWORD");"
      # TEST IMAGE ONLY: the user may do everything, on every database, and grant it on
      # (the official image grants only ALL ON MYSQL_DATABASE.*). Podium's test infrastructure
      # creates one database per test class as this user, so it needs CREATE on *.* at least.
      echo "GRANT ALL ON *.* TO $(sql_str "$MYSQL_USER")@'%' WITH GRANT OPTION;"
    fi
    echo "FLUSH PRIVILEGES;"
  } | "${client[@]}" || { cat "$init_log" >&2; die "creating users/database failed"; }

  # From here on root needs its password; MYSQL_PWD keeps it off the command line.
  export MYSQL_PWD="$root_pw"
  db_args=()
  if [ -n "${MYSQL_DATABASE:-}" ]; then db_args=("$MYSQL_DATABASE"); fi
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.sh) log "running $f"; . "$f" ;;
      *.sql) log "running $f"; "${client[@]}" "${db_args[@]}" <"$f" ;;
      *.sql.gz) log "running $f"; gunzip -c "$f" | "${client[@]}" "${db_args[@]}" ;;
      *) log "ignoring $f" ;;
    esac
  done

  log "Stopping temporary server"
  mariadb-admin --protocol=socket --socket="$socket" -uroot shutdown
  wait "$tmp_pid" || true
  unset MYSQL_PWD
  log "Database initialized"
fi

# Testcontainers 2.0.3's MySQLContainer waits by polling JDBC ("SELECT 1"), not for a log line.
# Code that waits for "ready for connections" instead gets it only from the final server: once
# from mariadbd itself and once more from this background check (the official image prints it
# twice, so a wait for two occurrences must be satisfied too, and neither comes early).
# The check ends as a short-lived child of mariadbd; that is harmless.
(
  export MYSQL_PWD="$root_pw"
  for _ in $(seq 1 600); do
    if mariadb-admin --protocol=socket --socket="$socket" -uroot ping >/dev/null 2>&1; then
      log "mariadbd: ready for connections (users and database are in place)."
      exit 0
    fi
    sleep 0.2
  done
) &

log "Starting $*"
exec "$@" --user=mysql
