#!/usr/bin/env bash
# Chat benchmark: N hub clients in one room at a sustained message rate (send-to-delivery latency
# at every member, messages stored), then history-page latency over a room holding many stored
# messages (bulk-inserted with generate_series). Runs the built API (Release) on a throwaway
# PostgreSQL on this machine. Results and method: docs/benchmarks-chat.md.
#
# Tunables (environment): BENCH_CLIENTS (100), BENCH_RATE messages/s (50), BENCH_SECONDS (20),
# BENCH_HISTORY stored messages (1000000).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh
. scripts/lib/api.sh
trap api_stop EXIT

dotnet build src/WebApi -c Release -nologo -v quiet >&2 || exit 1
dotnet build benchmarks/ChatLoad -c Release -nologo -v quiet >&2 || exit 1
api_start || exit 1

dotnet benchmarks/ChatLoad/bin/Release/net10.0/ChatPlatform.ChatLoad.dll \
  --url "$API_URL" \
  --db "Host=127.0.0.1;Port=$PG_PORT;Database=chatplatform;Username=postgres" \
  --clients "${BENCH_CLIENTS:-100}" \
  --rate "${BENCH_RATE:-50}" \
  --seconds "${BENCH_SECONDS:-20}" \
  --history "${BENCH_HISTORY:-1000000}"
