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
# With PG_APP_USER set, the server trusts no one: see pg_lock_down.
pg_start() {
  local dir=$1 port
  pg_find_bin || return 1
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null || return 1
  fi
  if [ -n "${PG_APP_USER:-}" ]; then
    pg_lock_down "$dir" "$PG_APP_USER"
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

# pg_lock_down DIR USER: the superuser only through the Unix socket by the OS user owning the data
# (peer), and only USER over TCP, only to its own database, with its password (SCRAM).
pg_lock_down() {
  local dir=$1 user=$2 owner
  owner=$( [ "$(id -u)" -eq 0 ] && echo postgres || id -un )
  pg_as_owner sh -c "cat > '$dir/pg_hba.conf'" <<HBA
# Written by scripts/lib/postgres.sh (pg_lock_down).
local   all      postgres                 peer map=owner
host    $user    $user     127.0.0.1/32   scram-sha-256
HBA
  pg_as_owner sh -c "echo 'owner $owner postgres' > '$dir/pg_ident.conf'"
  pg_as_owner sh -c "grep -q '^password_encryption' '$dir/postgresql.conf' || echo \"password_encryption = 'scram-sha-256'\" >> '$dir/postgresql.conf'"
}

# pg_ensure_app_user PORT USER PASSWORD: USER logs in with PASSWORD and owns database USER and its tables.
pg_ensure_app_user() {
  local port=$1 user=$2 password=$3
  pg_as_owner "$PG_BIN/psql" -h /tmp -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
      -v user="$user" -v password="$password" >/dev/null <<'SQL' || return 1
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'user', :'user') \gexec
SQL
  # Tables made by earlier runs under the superuser move to the application's role.
  pg_as_owner "$PG_BIN/psql" -h /tmp -p "$port" -U postgres -d "$user" -q -v ON_ERROR_STOP=1 -v user="$user" >/dev/null <<'SQL'
SELECT format('ALTER TABLE public.%I OWNER TO %I', tablename, :'user') FROM pg_tables
WHERE schemaname = 'public' AND tableowner <> :'user' \gexec
SQL
}

pg_stop() {
  local dir=$1
  [ -n "${PG_BIN:-}" ] && [ -f "$dir/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

# pg_ensure_database PORT NAME
pg_ensure_database() {
  local port=$1 name=$2
  if ! pg_as_owner "$PG_BIN/psql" -h /tmp -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1; then
    pg_as_owner "$PG_BIN/createdb" -h /tmp -p "$port" -U postgres "$name"
  fi
}
