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
state="/tmp/chatplatform-$(printf '%s' "$root" | sha1sum | cut -c1-12)"
mkdir -p "$state"

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  pg_start "$state/pgdata"
  started_pg="$state/pgdata"
  pg_ensure_database "$PG_PORT" chatplatform
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=chatplatform;Username=postgres"
  echo "Local PostgreSQL on 127.0.0.1:$PG_PORT (data in $state/pgdata)"
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
export Email__PickupDirectory="${Email__PickupDirectory:-$state/mail}"

dotnet build src/WebApi -c Release -v quiet -nologo
echo "Serving on $ASPNETCORE_URLS (Ctrl+C to stop)"

# The content root is the project folder, where appsettings.json lives.
cd src/WebApi
dotnet bin/Release/net10.0/ChatPlatform.WebApi.dll &
api_pid=$!
wait "$api_pid"
