#!/usr/bin/env bash
# Runs tests/node (the official @microsoft/signalr client) against the built API on a throwaway
# PostgreSQL. Last line: "N passed, N failed, N skipped"; non-zero exit on any failure.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh
. scripts/lib/api.sh
trap api_stop EXIT

if ! (cd tests/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
  echo "npm ci failed in tests/node" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

if ! api_start; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

log=$(mktemp)
(cd tests/node && CHAT_API_URL="$API_URL" node --test --test-reporter=tap) | tee "$log"
status=${PIPESTATUS[0]}
passed=$(awk '/^# pass /{print $3}' "$log"); failed=$(awk '/^# fail /{print $3}' "$log"); skipped=$(awk '/^# skipped /{print $3}' "$log")
rm -f "$log"
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
