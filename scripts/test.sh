#!/usr/bin/env bash
# Restores, builds and runs every test. Integration tests use TEST_POSTGRES when it holds a
# connection string, else a PostgreSQL container (Testcontainers) when a Docker engine answers, else
# a throwaway server from local binaries; the test output names the source (see the README).
# Then tests/node (the official SignalR client) and tests/browser (the chat page in Chromium) when
# node is present.
# dotnet format checks the code style first (a deviation counts as one failure).
# Exits non-zero on any failure; the last line is "N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/lib/postgres.sh

log=$(mktemp /tmp/chatplatform-test-XXXXXX.log)
trap 'rm -f "$log"' EXIT

summary() {
  echo "$1 passed, $2 failed, $3 skipped"
}

if [ -z "${TEST_POSTGRES:-}" ]; then
  pg_find_bin || { summary 0 1 0; exit 1; }
fi

if ! dotnet restore ChatPlatform.sln -nologo -v quiet; then
  echo "restore failed" >&2
  summary 0 1 0
  exit 1
fi

if ! dotnet build ChatPlatform.sln -c Release --no-restore -nologo -v quiet; then
  echo "build failed" >&2
  summary 0 1 0
  exit 1
fi

# The code style of .editorconfig (whitespace, import order, the rules it sets to warning): a
# deviation fails the run, after the tests have run.
format_failed=0
if ! dotnet format ChatPlatform.sln --verify-no-changes --severity warn --no-restore -v quiet; then
  echo "dotnet format: the files above do not follow .editorconfig; 'dotnet format ChatPlatform.sln --severity warn' fixes them" >&2
  format_failed=1
fi

# Normal verbosity shows the fixture's progress lines (which PostgreSQL the run used) and each test.
dotnet test ChatPlatform.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project closes with "Total tests: N" and indented "Passed: N", "Failed: N", "Skipped: N" lines.
read -r passed failed skipped < <(
  grep -E '^ +(Passed|Failed|Skipped): [0-9]+ *$' "$log" | awk -F': *' '
    $1 ~ /Passed/ { passed += $2 } $1 ~ /Failed/ { failed += $2 } $1 ~ /Skipped/ { skipped += $2 }
    END { printf "%d %d %d\n", passed, failed, skipped }')

# A crashed test host prints no summary of its own: never report green then.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

# The official SignalR JavaScript client against the built API, when node is installed.
if command -v node >/dev/null; then
  scripts/node-test.sh 2>&1 | tee "$log"
  node_status=${PIPESTATUS[0]}
  read -r node_passed node_failed node_skipped < <(
    tail -n 1 "$log" | awk '/passed, .* failed, .* skipped/ { print $1, $3, $5; found = 1 } END { if (!found) print 0, 1, 0 }')
  passed=$(( passed + node_passed )); failed=$(( failed + node_failed )); skipped=$(( skipped + node_skipped ))
  if [ "$node_status" -ne 0 ]; then
    status=$node_status
    [ "$node_failed" -eq 0 ] && failed=$(( failed + 1 ))
  fi
fi

# The chat page in Debian's Chromium (scripts/browser-check.sh): skipped when Chromium is missing,
# installed first when CI is set.
if command -v node >/dev/null; then
  scripts/browser-check.sh 2>&1 | tee "$log"
  browser_status=${PIPESTATUS[0]}
  read -r browser_passed browser_failed browser_skipped < <(
    tail -n 1 "$log" | awk '/passed, .* failed, .* skipped/ { print $1, $3, $5; found = 1 } END { if (!found) print 0, 1, 0 }')
  passed=$(( passed + browser_passed )); failed=$(( failed + browser_failed )); skipped=$(( skipped + browser_skipped ))
  if [ "$browser_status" -ne 0 ]; then
    status=$browser_status
    [ "$browser_failed" -eq 0 ] && failed=$(( failed + 1 ))
  fi
fi

failed=$(( failed + format_failed ))
summary "$passed" "$failed" "$skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
