#!/bin/bash
# One schema and one user per service, created (or brought up to date) with the MySQL admin
# account: idempotent, so the Job can run again after every apply. Re-running it also sets each
# user's password to the one now in its service's Secret (password rotation: update the Secret,
# rerun the Job, restart the service). The same SQL, to run by hand, is in README.md.
set -euo pipefail

: "${DB_HOST:?}" "${DB_PORT:?}" "${DB_ADMIN_USER:?}" "${DB_ADMIN_PASSWORD:?}"
: "${EVENTS_DB_PASSWORD:?}" "${TALKS_DB_PASSWORD:?}" "${NOTIFICATIONS_DB_PASSWORD:?}"

export MYSQL_PWD="$DB_ADMIN_PASSWORD"   # keeps the password off the command line
mysql_admin() { mysql --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u "$DB_ADMIN_USER" "$@"; }

# The database may still be starting (the operator brings up the instances, then the router).
for attempt in $(seq 1 60); do
  if mysql_admin -e 'SELECT 1' >/dev/null 2>&1; then break; fi
  [ "$attempt" = 60 ] && { echo "db-init: $DB_HOST:$DB_PORT not reachable after 5 minutes" >&2; exit 1; }
  echo "db-init: waiting for $DB_HOST:$DB_PORT ($attempt/60)"
  sleep 5
done

# A SQL string literal: backslashes and single quotes doubled.
sql_string() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

statements=""
for service in events talks notifications; do
  db="podium_${service}"
  user="podium_${service}"
  var="$(echo "$service" | tr a-z A-Z)_DB_PASSWORD"
  password="$(sql_string "${!var}")"
  statements+="
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}'@'%' IDENTIFIED BY ${password};
ALTER USER '${user}'@'%' IDENTIFIED BY ${password};
GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${user}'@'%';"
done

mysql_admin <<<"$statements"
echo "db-init: podium_events, podium_talks and podium_notifications and their users are ready"
