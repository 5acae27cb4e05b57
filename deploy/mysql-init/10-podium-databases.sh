# Creates one database and one user per Podium service, on the first start of the MySQL container
# (an empty data volume). Mounted read-only into /docker-entrypoint-initdb.d by deploy/compose.yaml.
#
# A .sh rather than a .sql file so that the passwords come from the environment (deploy/.env), not
# from a committed file. The entrypoint *sources* this file (it is not executable): it must not
# `exit`, and it runs under the entrypoint's `set -e`. Works with the official mysql image (8.4) and
# podium-mysql:local (MariaDB 10.11, deploy/mysql-image): both run a temporary server on a socket
# while initialising, with root's password already set.
#
# Environment (set on the mysql service): PODIUM_EVENTS_DB_PASSWORD, PODIUM_TALKS_DB_PASSWORD,
# PODIUM_NOTIFICATIONS_DB_PASSWORD (required); the user names are podium_events, podium_talks and
# podium_notifications, like the databases.

podium_init_sql() {
  # The official images (mysql, mariadb) give init scripts docker_process_sql; elsewhere
  # (podium-mysql:local) the client talks to the temporary server over its socket as root.
  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql
  else
    MYSQL_PWD="${MYSQL_ROOT_PASSWORD:-}" "$(command -v mysql || command -v mariadb)" \
      --protocol=socket --socket="${SOCKET:-/run/mysqld/mysqld.sock}" -uroot
  fi
}

podium_sql_string() {  # a SQL string literal: quotes and backslashes escaped
  local v=${1//\\/\\\\}
  v=${v//\'/\\\'}
  printf "'%s'" "$v"
}

podium_databases_sql() {
  local service password
  for service in events talks notifications; do
    password="PODIUM_${service^^}_DB_PASSWORD"
    password="${!password:-}"
    if [ -z "$password" ]; then
      echo "10-podium-databases.sh: PODIUM_${service^^}_DB_PASSWORD is empty" >&2
      return 1
    fi
    echo "CREATE DATABASE IF NOT EXISTS \`podium_$service\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    echo "CREATE USER IF NOT EXISTS 'podium_$service'@'%' IDENTIFIED BY $(podium_sql_string "$password");"
    echo "GRANT ALL PRIVILEGES ON \`podium_$service\`.* TO 'podium_$service'@'%';"
  done
}

echo "10-podium-databases.sh: creating podium_events, podium_talks and podium_notifications (one user each)"
podium_sql="$(podium_databases_sql)"
podium_init_sql <<<"$podium_sql"
unset podium_sql
