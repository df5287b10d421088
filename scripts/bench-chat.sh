#!/usr/bin/env bash
# Chat benchmark, in one run on this machine: the same load against benchmarks/BareChatHub (ASP.NET
# Core SignalR with in-memory groups and the same JWT checks) and against the API (two instances on
# one throwaway PostgreSQL, for the case that splits members over both). Cases: 100 members at 100,
# 500 and 2000 msg/s, 1000 members at 100 msg/s, and 100 : 500 over two instances; 10 senders, the
# official SignalR JavaScript client in one Node process (benchmarks/ChatLoad/client). Prints per case delivered share of acknowledged messages,
# duplicates, out-of-order receipts, p50/p99 send-to-receipt latency and the p99 ratio; then
# history-page latency over many stored messages. Results and method: docs/benchmarks-chat.md.
#
# Tunables (environment): BENCH_SECONDS per case (10), BENCH_WARMUP seconds of unrecorded load on
# every server before the cases (15; 0 skips), BENCH_HISTORY stored messages (1000000; 0 skips),
# BENCH_CASES to run only some cases (e.g. 100:2000,100:500x2).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh
. scripts/lib/bench.sh

work=$(mktemp -d /tmp/chatplatform-bench.XXXXXX)
chmod 755 "$work"
pids=()
pg_dir=""

cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ -n "$pg_dir" ]; then
    pg_stop "$pg_dir"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Building (Release)..."
for project in src/WebApi benchmarks/BareChatHub benchmarks/ChatLoad; do
  dotnet build "$project" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
(cd benchmarks/ChatLoad/client && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 || { cat "$work/npm.log" >&2; exit 1; }

pg_start "$work/pgdata"
pg_dir="$work/pgdata"
pg_ensure_database "$PG_PORT" chatplatform
database="Host=127.0.0.1;Port=$PG_PORT;Database=chatplatform;Username=postgres"

# One key for every server, so the API's tokens (and the load's listener tokens) hold on the bare hub too.
Jwt__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)
export Jwt__SigningKey
export Jwt__AccessTokenLifetime=01:00:00
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning

# start_api NAME PORT: an instance of the API on the shared database, its limits opened for the load.
start_api() {
  (
    cd src/WebApi
    export ASPNETCORE_URLS="http://127.0.0.1:$2"
    export ConnectionStrings__Postgres="$database"
    export Email__PickupDirectory="$work/mail"
    export RateLimiting__Login__PermitLimit=100000 RateLimiting__Register__PermitLimit=100000
    export RateLimiting__Messages__PermitLimit=100000000 RateLimiting__Rooms__PermitLimit=100000
    export Chat__MaxConnectionsPerUser=100000
    exec dotnet bin/Release/net10.0/ChatPlatform.WebApi.dll
  ) >"$work/$1.log" 2>&1 &
  pids+=($!)
  wait_for_http "http://127.0.0.1:$2/health/ready" "$!" "$work/$1.log" 200
}

a_port=$(free_port 5280)
start_api api-a "$a_port"
a_pid=${pids[-1]}
b_port=$(free_port $(( a_port + 1 )))
start_api api-b "$b_port"
b_pid=${pids[-1]}
bare_port=$(free_port $(( b_port + 1 )))
ASPNETCORE_URLS="http://127.0.0.1:$bare_port" dotnet benchmarks/BareChatHub/bin/Release/net10.0/ChatPlatform.BareChatHub.dll >"$work/bare.log" 2>&1 &
pids+=($!)
sleep 1
kill -0 "${pids[-1]}" || { cat "$work/bare.log" >&2; exit 1; }

echo "Machine: $(nproc) cores; API instances on :$a_port and :$b_port, bare hub on :$bare_port"
dotnet benchmarks/ChatLoad/bin/Release/net10.0/ChatPlatform.ChatLoad.dll \
  --ours "http://127.0.0.1:$a_port,http://127.0.0.1:$b_port" \
  --bare "http://127.0.0.1:$bare_port" \
  --db "$database" \
  --signing-key "$Jwt__SigningKey" \
  --seconds "${BENCH_SECONDS:-10}" \
  --warmup "${BENCH_WARMUP:-15}" \
  --history "${BENCH_HISTORY:-1000000}" \
  --ours-pids "$a_pid,$b_pid" \
  --bare-pid "${pids[-1]}" \
  --postgres-pid "$(head -1 "$pg_dir/postmaster.pid")" \
  --client "$root/benchmarks/ChatLoad/client/case.mjs" \
  ${BENCH_CASES:+--cases "$BENCH_CASES"}
