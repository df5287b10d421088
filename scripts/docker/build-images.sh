#!/usr/bin/env bash
# Builds local stand-ins for the public images that the integration tests and docker-compose.yml
# use, for machines that cannot pull images (no registry reachable), from Debian packages and this
# machine's .NET installation:
#   chatplatform-local/debian:bookworm    debootstrap --variant=minbase, imported (the base of the rest)
#   chatplatform-local/postgres:15        the postgres image's contract: POSTGRES_USER/PASSWORD/DB,
#                                         port 5432, pg_isready on PATH, password auth, runs as postgres
#   chatplatform-local/dotnet-sdk:10.0    the .NET SDK under this machine's dotnet root, plus node/npm
#   chatplatform-local/aspnet:10.0        the .NET and ASP.NET Core runtimes only, user "app" ($APP_UID)
#   chatplatform-local/nginx:1.22         Debian's nginx, configured like the nginx image (conf.d/*.conf)
# Images that already exist are skipped. The debootstrap root file system is cached as a tarball in
# $CHATPLATFORM_IMAGE_CACHE (default /var/cache/chatplatform-images), so rebuilding after
# `docker system prune` does not bootstrap again; delete the tarball to refresh it.
# Arguments name the images to build (postgres, nginx, dotnet-sdk, aspnet; default all of them);
# they build in parallel (mostly package downloads). With --print-env it prints, last, the
# variables that point the tests and docker-compose.yml at these images:
#   eval "$(scripts/docker/build-images.sh --print-env)"
# From scratch this takes about 10 minutes on 2 cores (the SDK image with node/npm is the longest);
# a rerun with everything in place takes a second.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
prefix=${LOCAL_IMAGE_PREFIX:-chatplatform-local}
cache=${CHATPLATFORM_IMAGE_CACHE:-/var/cache/chatplatform-images}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
dotnet_root=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
ca_bundle=/etc/ssl/certs/ca-certificates.crt

print_env=false
wanted=()
for argument in "$@"; do
  case "$argument" in
    --print-env) print_env=true ;;
    postgres|nginx|dotnet-sdk|aspnet) wanted+=("$argument") ;;
    *) echo "usage: $0 [--print-env] [postgres] [nginx] [dotnet-sdk] [aspnet]" >&2; exit 2 ;;
  esac
done
[ ${#wanted[@]} -gt 0 ] || wanted=(postgres nginx dotnet-sdk aspnet)

base="$prefix/debian:$suite"
postgres="$prefix/postgres:15"
sdk="$prefix/dotnet-sdk:10.0"
aspnet="$prefix/aspnet:10.0"
nginx="$prefix/nginx:1.22"

say() { echo "build-images: $*" >&2; }
exists() { docker image inspect "$1" >/dev/null 2>&1; }

# docker build with the Dockerfile in scripts/docker/NAME and the given context.
build() {
  local tag=$1 name=$2 context=$3
  if exists "$tag"; then
    say "$tag exists, skipped"
    return
  fi
  say "building $tag"
  docker build -q -t "$tag" --build-arg "BASE_IMAGE=$base" -f "$here/$name/Dockerfile" "$context" >&2
}

# The .NET images: the context is the dotnet root (as dotnet/), the Dockerfile and this machine's CA bundle.
# The bundle is there because these images reach NuGet and npm (restore, publish) the way this
# machine does, possibly through a proxy that only the machine's own trust store accepts.
build_dotnet() {
  local tag=$1 name=$2
  if exists "$tag"; then
    say "$tag exists, skipped"
    return
  fi
  say "building $tag"
  tar -c --transform 's,^\./,dotnet/,' -C "$dotnet_root" . -C "$here/$name" Dockerfile -C "$(dirname "$ca_bundle")" "$(basename "$ca_bundle")" \
    | docker build -q -t "$tag" --build-arg "BASE_IMAGE=$base" - >&2
}

if exists "$base"; then
  say "$base exists, skipped"
else
  tarball="$cache/debian-$suite-minbase.tar"
  if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || { say "error: debootstrap is missing (apt-get install debootstrap)"; exit 1; }
    rootfs=$(mktemp -d /tmp/chatplatform-rootfs-XXXXXX)
    trap 'rm -rf "$rootfs"' EXIT
    say "debootstrap $suite into $rootfs (a few minutes, once per machine)"
    debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >/dev/null
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    mkdir -p "$cache"
    tar -C "$rootfs" -c . > "$tarball.partial"
    mv "$tarball.partial" "$tarball"
    rm -rf "$rootfs"
    trap - EXIT
  fi
  say "importing $tarball as $base"
  docker import --change 'CMD ["bash"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$tarball" "$base" >/dev/null
fi

pids=()
for name in "${wanted[@]}"; do
  case "$name" in
    postgres) build "$postgres" postgres "$here/postgres" & ;;
    nginx) build "$nginx" nginx "$here/nginx" & ;;
    dotnet-sdk) build_dotnet "$sdk" dotnet-sdk & ;;
    aspnet) build_dotnet "$aspnet" aspnet & ;;
  esac
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
[ "$status" -eq 0 ] || { say "error: an image failed to build"; exit 1; }

if $print_env; then
  for name in "${wanted[@]}"; do
    case "$name" in
      postgres) echo "export TEST_POSTGRES_IMAGE=$postgres POSTGRES_IMAGE=$postgres" ;;
      nginx) echo "export NGINX_IMAGE=$nginx" ;;
      dotnet-sdk) echo "export DOTNET_SDK_IMAGE=$sdk" ;;
      aspnet) echo "export ASPNET_IMAGE=$aspnet" ;;
    esac
  done
fi
