#!/usr/bin/env bash
# The chat page (GET /) in Debian's Chromium, driven by playwright-core (tests/browser), against the
# built API on a throwaway PostgreSQL with 20-second access tokens. Never downloads a browser.
#   scripts/browser-check.sh                 run it; last line "N passed, N failed, N skipped"
#   scripts/browser-check.sh --screenshots   also refresh docs/screenshots/*.png
# Chromium missing: installs Debian's chromium when CI is set (as root), else skips (exit 0, 1 skipped).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh
. scripts/lib/api.sh
trap api_stop EXIT

shots=""
[ "${1:-}" = "--screenshots" ] && shots="$root/docs/screenshots"
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ ! -x "$chromium_path" ] && [ -n "${CI:-}" ] && [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian's chromium for the browser test..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
fi
if [ ! -x "$chromium_path" ]; then
  echo "# skipped: no Chromium at $chromium_path (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi

if ! (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
  echo "npm ci failed in tests/browser" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# Short-lived access tokens prove the page refreshes and reconnects; the history test posts 120 messages.
export Jwt__AccessTokenLifetime=00:00:20
export RateLimiting__Messages__PermitLimit=100000
if ! api_start; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

log=$(mktemp)
(cd tests/browser && CHAT_API_URL="$API_URL" CHAT_MAIL_DIR="$API_STATE/mail" CHAT_SCREENSHOTS="$shots" \
  CHROMIUM_PATH="$chromium_path" node --test --test-reporter=tap) | tee "$log"
status=${PIPESTATUS[0]}
passed=$(awk '/^# pass /{print $3}' "$log"); failed=$(awk '/^# fail /{print $3}' "$log"); skipped=$(awk '/^# skipped /{print $3}' "$log")
rm -f "$log"
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  echo "# the browser test run failed; API log:" >&2
  tail -n 50 "$API_STATE/api.log" >&2
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
