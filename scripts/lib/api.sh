# Starts the built API (Release) against a throwaway PostgreSQL, for scripts/*.sh (sourced, not run).
# Needs scripts/lib/postgres.sh sourced first. api_start sets API_URL; api_stop ends both.

API_PID=""
API_STATE=""

# api_start: a fresh PostgreSQL data directory, the API on a free loopback port, ready when /health/ready is.
api_start() {
  local root port dll
  root=$(pwd)
  dll="$root/src/WebApi/bin/Release/net10.0/ChatPlatform.WebApi.dll"
  [ -f "$dll" ] || dotnet build "$root/src/WebApi" -c Release -nologo -v quiet >&2 || return 1
  API_STATE=$(mktemp -d /tmp/chatplatform-api-XXXXXX)
  chmod 755 "$API_STATE"
  PG_PORT_FROM=56432 pg_start "$API_STATE/pgdata" || return 1
  pg_ensure_database "$PG_PORT" chatplatform >/dev/null || return 1
  port=$(( 20000 + RANDOM % 20000 ))
  while ! pg_port_free "$port"; do port=$(( port + 1 )); done
  API_URL="http://127.0.0.1:$port"
  (
    cd "$root/src/WebApi" || exit 1
    ASPNETCORE_URLS="$API_URL" \
    ASPNETCORE_ENVIRONMENT="${API_ENVIRONMENT:-Production}" \
    ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=chatplatform;Username=postgres;Maximum Pool Size=200" \
    Jwt__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)" \
    RateLimiting__Login__PermitLimit=1000000 \
    RateLimiting__Register__PermitLimit=1000000 \
    Email__PickupDirectory="$API_STATE/mail" \
    Logging__LogLevel__Default=Warning \
    exec dotnet "$dll"
  ) >"$API_STATE/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$API_URL/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$API_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "error: the API did not become ready; log follows" >&2
  cat "$API_STATE/api.log" >&2
  return 1
}

api_stop() {
  if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then
    kill -TERM "$API_PID" 2>/dev/null
    wait "$API_PID" 2>/dev/null
  fi
  API_PID=""
  if [ -n "$API_STATE" ]; then
    pg_stop "$API_STATE/pgdata"
    rm -rf "$API_STATE"
    API_STATE=""
  fi
}
