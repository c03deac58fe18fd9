#!/usr/bin/env bash
# A private Docker engine for Nabij's container tests and images, on machines that have no engine running and no
# registry to pull from (only Debian's mirror and Maven Central).
#
#   container/engine.sh up          install docker.io and debootstrap if missing, start dockerd on a private socket,
#                                   build the base, Java and Neo4j images when missing; prints the exports to use
#   container/engine.sh down        stop the engine that `up` started
#   container/engine.sh run CMD...  up, run CMD with the engine's environment, down; exits with CMD's status and
#                                   prints how many container tests ran
#   container/engine.sh app-image   build the Nabij deployment image from the newer of backend/target/nabij.jar and
#                                   nabij-server.jar, the jar without embedded Neo4j that an image for an external
#                                   server needs (`./mvnw -pl backend -am -Pserver -Dmaven.test.skip package`)
#
# NABIJ_DOCKER_HOME (default /var/tmp/nabij-docker) holds the socket, the engine's state and its images, so a
# second run on the same machine reuses the images.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
home=${NABIJ_DOCKER_HOME:-/var/tmp/nabij-docker}
socket="$home/docker.sock"
neo4j_version=$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$repo/pom.xml")
project_version=$(grep -m1 -oP '(?<=<version>)[^<]*-SNAPSHOT' "$repo/pom.xml")

export DOCKER_HOST="unix://$socket"
# The legacy builder is what Debian's docker.io has without buildx.
export DOCKER_BUILDKIT=0
# Ryuk's image cannot be pulled here, and /.dockerenv on these machines makes Testcontainers think it runs inside a
# container unless told where the published ports are.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost

log() { printf '[engine] %s\n' "$*" >&2; }

install_tools() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "need root to install ${missing[*]}; install them or start an engine yourself"
    return 1
  fi
  log "installing ${missing[*]}"
  mkdir -p "$home"
  apt-get update -qq || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$home/apt.log" 2>&1 \
    || { log "installing failed; see $home/apt.log"; return 1; }
}

engine_running() { docker version >/dev/null 2>&1; }

start_engine() {
  engine_running && return 0
  started_here=1
  mkdir -p "$home/data" "$home/exec"
  log "starting dockerd on $socket"
  dockerd --host="$DOCKER_HOST" --data-root="$home/data" --exec-root="$home/exec" \
    --pidfile="$home/docker.pid" >"$home/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    engine_running && return 0
    sleep 0.5
  done
  log "dockerd did not come up; its log:"
  tail -20 "$home/dockerd.log" >&2
  return 1
}

# docker build, its output (and the legacy builder's deprecation notice) kept in a log shown only on failure.
quiet_build() {
  docker build "$@" >"$home/build.log" 2>&1 || { tail -30 "$home/build.log" >&2; return 1; }
}

image_missing() { ! docker image inspect "$1" >/dev/null 2>&1; }

# The mirror apt uses here, so the base image reaches the same packages as the machine.
debian_mirror() {
  local uri
  uri=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -v security | head -1 | awk '{print $2}')
  echo "${uri:-http://deb.debian.org/debian}"
}

build_images() {
  if image_missing nabij/debian:trixie; then
    local rootfs
    mkdir -p "$home"
    rootfs=$(mktemp -d "$home/rootfs.XXXXXX") || return 1
    log "debootstrapping Debian trixie (minbase) from $(debian_mirror)"
    debootstrap --variant=minbase trixie "$rootfs" "$(debian_mirror)" >"$home/debootstrap.log" 2>&1 \
      || { log "debootstrap failed; see $home/debootstrap.log"; return 1; }
    tar -C "$rootfs" -c . | docker import - nabij/debian:trixie >/dev/null || return 1
    rm -rf "$rootfs"
  fi
  if image_missing nabij/java:25; then
    log "building nabij/java:25"
    quiet_build -t nabij/java:25 "$repo/container/java" || return 1
  fi
  if image_missing "nabij/neo4j:$neo4j_version"; then
    log "building nabij/neo4j:$neo4j_version"
    rm -rf "$repo/container/neo4j/lib"
    "$repo/mvnw" -q -B -f "$repo/container/neo4j/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$repo/container/neo4j/lib" || return 1
    quiet_build -t "nabij/neo4j:$neo4j_version" "$repo/container/neo4j" || return 1
  fi
}

up() {
  local started=$SECONDS
  # Called as an if-condition by `run`, where set -e does not apply: every step stops `up` on failure itself.
  install_tools || return 1
  start_engine || return 1
  build_images || return 1
  log "engine ready with images nabij/debian:trixie, nabij/java:25, nabij/neo4j:$neo4j_version" \
    "in $((SECONDS - started)) s"
}

down() {
  [ -f "$home/docker.pid" ] || return 0
  local pid
  pid=$(cat "$home/docker.pid")
  if kill "$pid" 2>/dev/null; then
    log "stopping dockerd ($pid)"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$home/docker.pid"
}

# Sums the failsafe reports of the container run: tests that ran, and tests skipped.
report_container_tests() {
  local reports="$repo/backend/target/failsafe-reports"
  ls "$reports"/TEST-*.xml >/dev/null 2>&1 || { log "container tests: none ran"; return 0; }
  python3 - "$reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = skipped = failed = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    skipped += int(suite.get("skipped", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
print(f"[engine] container tests: {tests - skipped} ran against Docker ({failed} failed), {skipped} skipped",
      file=sys.stderr)
PY
}

case "${1:-}" in
  up)
    up
    printf 'export DOCKER_HOST=%s TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost\n' \
      "$DOCKER_HOST" ;;
  down) down ;;
  app-image)
    jar=nabij.jar
    [ "$repo/backend/target/nabij-server.jar" -nt "$repo/backend/target/nabij.jar" ] && jar=nabij-server.jar
    quiet_build -t "nabij/app:$project_version" --build-arg "JAR=$jar" -f "$repo/container/app/Dockerfile" \
      "$repo/backend/target"
    log "built nabij/app:$project_version from $jar" ;;
  run)
    shift
    [ $# -gt 0 ] || { echo "usage: $0 run COMMAND..." >&2; exit 2; }
    if up; then
      # Stop the engine afterwards only if this run started it; one that was already running stays up.
      trap '[ "${started_here:-}" = 1 ] && down' EXIT
    else
      log "no Docker engine: container tests will be skipped, or fail where they are required"
      unset DOCKER_HOST
    fi
    status=0
    "$@" || status=$?
    report_container_tests
    exit "$status" ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2 ;;
esac
