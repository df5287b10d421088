# Shared PostgreSQL helpers for scripts/*.sh (sourced, not run).
# Starts a project-local server from Debian's PostgreSQL binaries, installing them if missing.

pg_find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL server binaries not found; installing Debian's postgresql package..." >&2
    if [ "$(id -u)" -ne 0 ]; then
      echo "error: need root (or sudo) to install postgresql; install it, or set ConnectionStrings__Postgres" >&2
      return 1
    fi
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2 || return 1
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  PG_BIN="$dir"
}

# Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses to run as root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pg_start DIR: initialises DIR on first use, starts the server on a free loopback port, sets PG_PORT.
pg_start() {
  local dir=$1 port
  pg_find_bin || return 1
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  for port in $(seq "${PG_PORT_FROM:-55432}" "$(( ${PG_PORT_FROM:-55432} + 50 ))"); do
    pg_port_free "$port" || continue
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 30 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k /tmp" start >/dev/null; then
      PG_PORT=$port
      return 0
    fi
  done
  echo "error: could not start PostgreSQL; see $dir/server.log" >&2
  return 1
}

pg_stop() {
  local dir=$1
  [ -n "${PG_BIN:-}" ] && [ -f "$dir/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

# pg_ensure_database PORT NAME
pg_ensure_database() {
  local port=$1 name=$2
  if ! pg_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1; then
    pg_as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}
