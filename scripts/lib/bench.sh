# Helpers shared by the benchmark scripts (sourced, not run). Needs scripts/lib/postgres.sh first.

# free_port FROM: the first port from FROM up that nothing listens on.
free_port() {
  local port
  for port in $(seq "$1" "$(( $1 + 100 ))"); do
    if pg_port_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "error: no free port from $1" >&2
  return 1
}

# wait_for_http URL PID LOG [STATUS]: waits until the server answers (with STATUS, when given), or fails if it died.
wait_for_http() {
  local url=$1 pid=$2 log=$3 want=${4:-} code
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    if [ "$code" != "000" ] && { [ -z "$want" ] || [ "$code" = "$want" ]; }; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: server for $url exited; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "error: $url did not answer${want:+ $want} within 60 s; log in $log" >&2
  return 1
}
