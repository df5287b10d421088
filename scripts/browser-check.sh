#!/usr/bin/env bash
# Headless Chromium check of the chat page (GET /): it loads, registers and signs in, creates and
# joins a room, shows a message sent by a second client, and sends one. Installs Debian's
# chromium when missing. Runs against the built API on a throwaway PostgreSQL. Exit 0 = pass.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh
. scripts/lib/api.sh

chrome_pid=""
profile=$(mktemp -d /tmp/chatplatform-chromium-XXXXXX)
cleanup() {
  if [ -n "$chrome_pid" ] && kill -0 "$chrome_pid" 2>/dev/null; then
    kill -TERM "$chrome_pid" 2>/dev/null
    wait "$chrome_pid" 2>/dev/null
  fi
  # Chromium's helpers may still be flushing the profile for a moment after it exits.
  rm -rf "$profile" 2>/dev/null || { sleep 1; rm -rf "$profile"; }
  api_stop
}
trap cleanup EXIT

if ! command -v chromium >/dev/null; then
  echo "Installing Debian's chromium..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2 || exit 1
fi

(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { echo "npm ci failed in tests/browser" >&2; exit 1; }
api_start || exit 1

devtools_port=$(( 40000 + RANDOM % 10000 ))
while ! pg_port_free "$devtools_port"; do devtools_port=$(( devtools_port + 1 )); done
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --remote-debugging-address=127.0.0.1 --remote-debugging-port="$devtools_port" \
  about:blank >"$profile/chromium.log" 2>&1 &
chrome_pid=$!

node tests/browser/check.mjs "$API_URL" "$devtools_port"
