#!/usr/bin/env bash
# What the bus costs the database: pg_notify throughput and time per notification on a throwaway
# PostgreSQL on this machine, sent as the API sends chat messages (100 notifications of a
# ~300-byte payload per transaction), with 0, 1, 2 and 10 listening sessions (each an instance of
# the API), measured with pgbench. Figures and what they mean: docs/scaling.md.
#
# Tunables (environment): BENCH_SECONDS per case (10).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh

seconds=${BENCH_SECONDS:-10}
work=$(mktemp -d /tmp/chatplatform-notify.XXXXXX)
chmod 755 "$work"
listeners_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$listeners_pid" ] && kill "$listeners_pid" 2>/dev/null && wait "$listeners_pid" 2>/dev/null
  pg_stop "$work/pgdata"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_start "$work/pgdata"
pg_ensure_database "$PG_PORT" bench

# One transaction as the message store sends it: a batch of 100 message events.
cat >"$work/notify.sql" <<'SQL'
SELECT pg_notify('chatplatform_bench', '{"type":"message_stored","roomId":"0190f0c4-5b7e-7d1a-9b8a-3c4d5e6f7a8b","message":{"id":"0190f0c4-5b7e-7d1a-9b8a-' || lpad(g::text, 12, '0') || '","room":"general","sequence":0,"username":"alice","content":"' || repeat('x', 120) || '","sentAt":"2026-12-01T10:00:00+00:00"}}') FROM generate_series(1, 100) g;
SQL
# A listening instance: LISTEN, then keep reading what arrives.
cat >"$work/listen.sql" <<'SQL'
LISTEN chatplatform_bench;
SELECT pg_sleep(0.02);
SQL

pgbench() { pg_as_owner "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n "$@" bench; }

echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), $(nproc) cores, ${seconds} s per case, 100 notifications per transaction"
printf '%-10s %14s %18s\n' listeners "notifications/s" "us per notification"
for listeners in 0 1 2 10; do
  if [ "$listeners" -gt 0 ]; then
    pgbench -c "$listeners" -T $(( seconds + 2 )) -f "$work/listen.sql" >/dev/null 2>&1 &
    listeners_pid=$!
    sleep 1
  fi
  tps=$(pgbench -c 1 -T "$seconds" -f "$work/notify.sql" 2>/dev/null | awk '/^tps = / { print $3 }')
  if [ -n "$listeners_pid" ]; then
    wait "$listeners_pid" 2>/dev/null || true
    listeners_pid=""
  fi
  awk -v l="$listeners" -v tps="$tps" 'BEGIN { n = tps * 100; printf "%-10s %14.0f %18.1f\n", l, n, 1e6 / n }'
done
