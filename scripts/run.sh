#!/usr/bin/env bash
# Serves the API on http://127.0.0.1:5080 (ASPNETCORE_URLS) until Ctrl+C.
# Uses ConnectionStrings__Postgres when set; otherwise starts a project-local PostgreSQL,
# which it stops again on exit. Migrations are applied by the API at start-up.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh

started_pg=""
api_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  if [ -n "$started_pg" ]; then
    echo "Stopping local PostgreSQL..."
    pg_stop "$started_pg"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Local state lives under /tmp: the postgres user cannot enter a checkout under /root (mode 700).
# It may be entered (the postgres user must reach pgdata) but not listed; pgdata and mail are 700.
state="/tmp/chatplatform-$(printf '%s' "$root" | sha1sum | cut -c1-12)"
mkdir -p "$state"
chmod 711 "$state"

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  # Only the role chatplatform may connect over TCP, with a password kept beside the data.
  if [ ! -s "$state/pg.password" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_' > "$state/pg.password")
  fi
  PG_APP_USER=chatplatform pg_start "$state/pgdata"
  started_pg="$state/pgdata"
  pg_ensure_database "$PG_PORT" chatplatform
  pg_ensure_app_user "$PG_PORT" chatplatform "$(cat "$state/pg.password")"
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=chatplatform;Username=chatplatform;Password=$(cat "$state/pg.password")"
  echo "Local PostgreSQL on 127.0.0.1:$PG_PORT (data in $state/pgdata; role chatplatform, password in $state/pg.password)"
fi

# A signing key kept beside the local data, so tokens survive restarts of this script.
if [ -z "${Jwt__SigningKey:-}" ]; then
  if [ ! -s "$state/jwt.key" ]; then
    (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$state/jwt.key")
  fi
  Jwt__SigningKey=$(cat "$state/jwt.key")
  export Jwt__SigningKey
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
if [ -z "${Email__PickupDirectory:-}" ]; then
  export Email__PickupDirectory="$state/mail"
  mkdir -p "$Email__PickupDirectory"
  chmod 700 "$Email__PickupDirectory"
fi

dotnet build src/WebApi -c Release -v quiet -nologo
echo "Serving on $ASPNETCORE_URLS (Ctrl+C to stop)"

# The content root is the project folder, where appsettings.json lives.
cd src/WebApi
dotnet bin/Release/net10.0/ChatPlatform.WebApi.dll &
api_pid=$!
wait "$api_pid"
