#!/usr/bin/env bash
# Benchmarks authenticated GET /api/auth/protected: the real API (src/WebApi, with its database
# and revocation check) against benchmarks/BareJwtApi (the same JWT checks and nothing else),
# in one run on this machine, and prints requests/s, p50, p99 and the ratio ours/bare.
# Target: ours >= 0.9 x bare in requests/s. Results and method: docs/benchmarks.md.
#
# Tunables (environment): BENCH_ROUNDS (5), BENCH_DURATION seconds per run (5),
# BENCH_WARMUP seconds before each run (2), BENCH_PRIME seconds of unrecorded load on each
# server before the first round (60), BENCH_CONCURRENCY open requests (32).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh
. scripts/lib/bench.sh

rounds=${BENCH_ROUNDS:-5}
duration=${BENCH_DURATION:-5}
warmup=${BENCH_WARMUP:-2}
prime=${BENCH_PRIME:-60}
concurrency=${BENCH_CONCURRENCY:-32}

work=$(mktemp -d /tmp/chatplatform-bench.XXXXXX)
chmod 755 "$work"
api_pid=""
bare_pid=""
pg_dir=""

stop_process() {
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}

cleanup() {
  trap - EXIT INT TERM
  stop_process "$api_pid"
  stop_process "$bare_pid"
  if [ -n "$pg_dir" ]; then
    pg_stop "$pg_dir"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Building (Release)..."
for project in src/WebApi benchmarks/BareJwtApi benchmarks/LoadGenerator; do
  dotnet build "$project" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done

pg_start "$work/pgdata"
pg_dir="$work/pgdata"
pg_ensure_database "$PG_PORT" chatplatform

# One key for both servers, so the token the real API issues is valid on the bare app too.
Jwt__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)
export Jwt__SigningKey
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning

api_port=$(free_port 5180)
api_url="http://127.0.0.1:$api_port"
(
  cd src/WebApi
  export ASPNETCORE_URLS="$api_url"
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=chatplatform;Username=postgres"
  # Only the one login below goes through the limiter, but a rerun from the same address must not trip it.
  export RateLimiting__Login__PermitLimit=1000
  export RateLimiting__Register__PermitLimit=1000
  # Production refuses to start without a way to send email; the registration's confirmation goes to a folder.
  export Email__PickupDirectory="$work/mail"
  exec dotnet bin/Release/net10.0/ChatPlatform.WebApi.dll
) >"$work/api.log" 2>&1 &
api_pid=$!

bare_port=$(free_port $(( api_port + 1 )))
bare_url="http://127.0.0.1:$bare_port"
ASPNETCORE_URLS="$bare_url" dotnet benchmarks/BareJwtApi/bin/Release/net10.0/ChatPlatform.BareJwtApi.dll >"$work/bare.log" 2>&1 &
bare_pid=$!

wait_for_http "$api_url/api/auth/protected" "$api_pid" "$work/api.log"
wait_for_http "$bare_url/api/auth/protected" "$bare_pid" "$work/bare.log"

# Not containing the username (the password rules refuse that).
password="Load-$(head -c 12 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9')1!"
curl -sf -o /dev/null -X POST "$api_url/api/auth/register" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"$password\",\"confirmPassword\":\"$password\"}"
token=$(curl -sf -X POST "$api_url/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" | jq -r .accessToken)

# Both must accept the token and answer with the same bytes, or the comparison means nothing.
ours_body=$(curl -sf -H "Authorization: Bearer $token" "$api_url/api/auth/protected")
bare_body=$(curl -sf -H "Authorization: Bearer $token" "$bare_url/api/auth/protected")
if [ "$ours_body" != "$bare_body" ]; then
  echo "error: the two servers answer differently: ours $ours_body, bare $bare_body" >&2
  exit 1
fi
echo "Both servers answer: $ours_body"

load() {
  dotnet benchmarks/LoadGenerator/bin/Release/net10.0/ChatPlatform.LoadGenerator.dll \
    --url "$1/api/auth/protected" --token "$token" \
    --concurrency "$concurrency" --duration "$duration" --warmup "$warmup"
}

# cpu_ticks PID: user + system CPU time the process has used, in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# field LINE NAME: the value of NAME=... in the load generator's key=value line.
field() {
  tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"
}

# Let each server's JIT reach its optimised code before anything is recorded: the real API
# re-JITs much more of the framework (MVC) than the bare app, and its background work (email
# outbox poll, presence heartbeat) runs once a second, so its methods reach their optimised tier
# late: dotnet-counters showed the API's JIT still taking 1-4 % of its CPU until about 55 s of load.
for url in "$api_url" "$bare_url"; do
  dotnet benchmarks/LoadGenerator/bin/Release/net10.0/ChatPlatform.LoadGenerator.dll \
    --url "$url/api/auth/protected" --token "$token" --concurrency "$concurrency" --warmup 0 --duration "$prime" >/dev/null ||
    { echo "error: warm-up against $url failed" >&2; exit 1; }
done

echo "Load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
echo "Load: $rounds rounds x (ours, bare), ${warmup}s warm-up + ${duration}s each, concurrency $concurrency, $(nproc) cores shared with the load generator"
printf '%-6s %-5s %10s %9s %9s %7s %12s\n' round app 'req/s' 'p50 ms' 'p99 ms' errors 'CPU us/req'
tick_us=$(( 1000000 / $(getconf CLK_TCK) ))
: >"$work/results"
for round in $(seq 1 "$rounds"); do
  # Alternate which server goes first, so a drift in the machine's speed does not favour one.
  if (( round % 2 )); then order="ours bare"; else order="bare ours"; fi
  for app in $order; do
    if [ "$app" = ours ]; then url=$api_url; pid=$api_pid; else url=$bare_url; pid=$bare_pid; fi
    before=$(cpu_ticks "$pid")
    line=$(load "$url") || { echo "error: load run failed: $line" >&2; exit 1; }
    # The server's own CPU time per request, warm-up included: it moves far less than req/s
    # when other work competes for the cores, so it shows where the gap comes from.
    served=$(( $(field "$line" warmup_requests) + $(field "$line" requests) + $(field "$line" errors) ))
    cpu_us=$(( ($(cpu_ticks "$pid") - before) * tick_us / served ))
    printf '%-6s %-5s %10s %9s %9s %7s %12s\n' "$round" "$app" \
      "$(field "$line" rps)" "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" errors)" "$cpu_us"
    echo "$app $(field "$line" rps) $(field "$line" p50_ms) $(field "$line" p99_ms) $cpu_us" >>"$work/results"
  done
done

# stat APP COLUMN HOW: over the rounds, HOW is max, min or median
# (columns: 2 req/s, 3 p50 ms, 4 p99 ms, 5 server CPU us per request).
stat() {
  awk -v app="$1" -v col="$2" '$1 == app { print $col }' "$work/results" | sort -g |
    awk -v how="$3" '{ v[NR] = $1 } END {
      if (how == "max") print v[NR]; else if (how == "min") print v[1];
      else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Other work on the machine only ever slows a run down (and adds CPU per request), so the best
# run is the least disturbed one; the medians beside it show how well the rounds agreed.
echo
printf '%-5s %11s %13s %12s %11s %16s\n' app 'best req/s' 'median req/s' 'best p99 ms' 'median p99' 'best CPU us/req'
for app in ours bare; do
  printf '%-5s %11s %13s %12s %11s %16s\n' "$app" "$(stat "$app" 2 max)" "$(stat "$app" 2 median)" \
    "$(stat "$app" 4 min)" "$(stat "$app" 4 median)" "$(stat "$app" 5 min)"
done
awk -v o="$(stat ours 2 max)" -v b="$(stat bare 2 max)" -v om="$(stat ours 2 median)" -v bm="$(stat bare 2 median)" \
  -v op="$(stat ours 4 min)" -v bp="$(stat bare 4 min)" -v oc="$(stat ours 5 min)" -v bc="$(stat bare 5 min)" 'BEGIN {
  verdict = (o / b >= 0.9) ? "met" : "NOT met"
  printf "ratio ours/bare req/s: best %.3f, median %.3f (target >= 0.900 on best: %s)\n", o / b, om / bm, verdict
  printf "ratio ours/bare p99 (best): %.3f; server CPU per request bare/ours: %.3f\n", op / bp, bc / oc
}'
