#!/usr/bin/env bash
# Builds and starts docker-compose.yml, checks it as a client would, then stops and removes
# everything it started (containers, network, volumes; the built image stays as a cache).
#   scripts/compose-smoke.sh            the default profile: db + one API instance
#   scripts/compose-smoke.sh cluster    the "cluster" profile: two API instances and nginx in front;
#                                       a message posted through one instance must reach a hub
#                                       client connected to the other
# Steps (the README's "Docker" section is the same): build, up -d, wait for /health/ready,
# register, log in, create a room, then with the official SignalR client (tests/node) join the room
# on the hub, post a message through REST and wait for ReceiveMessage.
# Base images come from DOTNET_SDK_IMAGE, ASPNET_IMAGE, POSTGRES_IMAGE, NGINX_IMAGE when set
# (.ci/run sets them to scripts/docker/build-images.sh's images), else the public images.
# Exit status: 0 passed; 1 the stack came up but did not behave (the code's fault); 2 the stack
# could not be built or started (no Docker engine, no compose, no base images, ...).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

profile=${1:-default}
case "$profile" in
  default) profile_args=() ;;
  cluster) profile_args=(--profile cluster) ;;
  *) echo "usage: $0 [cluster]" >&2; exit 2 ;;
esac

say() { echo "compose-smoke[$profile]: $*"; }

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null; then
  compose=(docker-compose)
else
  say "neither 'docker compose' nor docker-compose is installed"; exit 2
fi
project="chatplatform-smoke-$profile"
compose+=(-p "$project" "${profile_args[@]}")

# Ports of their own, so a scripts/run.sh on 5080 does not get in the way.
export API_PORT=${SMOKE_API_PORT:-15080} API_2_PORT=${SMOKE_API_2_PORT:-15081} PROXY_PORT=${SMOKE_PROXY_PORT:-15090}
Jwt__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)
export Jwt__SigningKey Cors__AllowedOrigins=""

cleanup() {
  if [ "${keep:-}" != 1 ]; then
    say "stopping and removing the stack"
    "${compose[@]}" down --volumes --remove-orphans >/dev/null 2>&1
  fi
}
trap cleanup EXIT

failed() {
  say "FAILED: $*"
  "${compose[@]}" ps
  "${compose[@]}" logs --tail=60
  exit 1
}

say "building"
"${compose[@]}" build || { say "the stack could not be built"; exit 2; }
# An API container that died, keeps restarting or never became healthy is the code's fault (exit 1);
# anything else that stops `up` (a port in use, the engine) is not (exit 2).
api_broken() {
  local id state
  for id in $(docker ps -aq --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=api" \
      && docker ps -aq --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=api-2"); do
    # A restart resets the health to "starting", so a crash loop shows in the restart count.
    state=$(docker inspect -f '{{.State.Status}} {{.RestartCount}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")
    case "$state" in exited*|dead*|restarting*|*unhealthy) return 0 ;; esac
    [ "$(cut -d' ' -f2 <<<"$state")" -eq 0 ] || return 0
  done
  return 1
}

say "starting"
if ! "${compose[@]}" up -d; then
  api_broken && failed "an API container exited or is unhealthy"
  "${compose[@]}" logs --tail=60
  say "the stack could not be started"
  exit 2
fi

wait_ready() {
  local url=$1 deadline=$((SECONDS + 180))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || failed "$url/health/ready did not answer 200 within 180 s"
    sleep 2
  done
  say "$url is ready"
}

api=http://127.0.0.1:$API_PORT
wait_ready "$api"
if [ "$profile" = cluster ]; then
  api2=http://127.0.0.1:$API_2_PORT
  proxy=http://127.0.0.1:$PROXY_PORT
  wait_ready "$api2"
  wait_ready "$proxy"
fi

# post URL JSON [TOKEN]: prints the body, then the status on the last line.
post() {
  curl -s -w '\n%{http_code}' -X POST "$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"
}
json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }

run=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
user="smoke_$run"
password="Smoke-$run-Passphrase"
room="smoke_$run"

response=$(post "$api/api/auth/register" "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"$password\",\"confirmPassword\":\"$password\"}")
[ "$(tail -n1 <<<"$response")" = 201 ] || failed "register: $response"
say "registered $user"

response=$(post "$api/api/auth/login" "{\"username\":\"$user\",\"password\":\"$password\"}")
[ "$(tail -n1 <<<"$response")" = 200 ] || failed "login: $response"
token=$(head -n -1 <<<"$response" | json_field accessToken)
say "logged in"

response=$(post "$api/api/rooms" "{\"name\":\"$room\",\"description\":\"compose smoke test\"}" "$token")
[ "$(tail -n1 <<<"$response")" = 201 ] || failed "create room: $response"
say "created room $room"

if [ ! -d tests/node/node_modules/@microsoft/signalr ]; then
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { say "npm ci failed in tests/node"; exit 2; }
fi

hub_check() {
  node tests/node/compose-smoke.mjs "$1" "$2" "$token" "$room" "$3" || failed "hub on $1 did not receive the message posted through $2"
}

if [ "$profile" = cluster ]; then
  hub_check "$proxy" "$proxy" "through the proxy"
  hub_check "$api2" "$api" "from instance 1 to instance 2"
else
  hub_check "$api" "$api" "hello through compose"
fi

say "PASSED"
