#!/usr/bin/env bash
# Times a start of the packaged jar to its first answered GraphQL query ({ __typename }, anonymous), on an empty store
# (--fresh) or on the store an earlier run left, and stops it again. The jar runs as the README runs it; the store,
# key and ports are moved aside so a developer's own ~/.nabij and a running app are not touched. A nabij.aot next to the
# jar (the build's JDK 25 AOT cache, docs/explanation/performance.md "Start") is passed with -XX:AOTCache, as the
# README's command does; --jar backend/target/nabij.jar times the fat jar as `java -jar` runs it, without a cache.
# Besides the wall-clock time it prints the CPU time the process used until then and the load average, since on a
# shared machine only those compare.
#   benchmarks/scripts/start-time.sh [--fresh] [--jar backend/target/nabij/nabij.jar] [--home /tmp/nabij-start] [-- extra args]
set -euo pipefail
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
jar=backend/target/nabij/nabij.jar
home=/tmp/nabij-start
port=${PORT:-18080}
bolt=${BOLT_PORT:-17687}
fresh=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --fresh) fresh=true; shift ;;
    --jar) jar=$2; shift 2 ;;
    --home) home=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if $fresh; then rm -rf "$home"; fi
mkdir -p "$home"
cache=()
if [[ -f "$(dirname "$jar")/nabij.aot" ]]; then cache=("-XX:AOTCache=$(dirname "$jar")/nabij.aot"); fi
load=$(cut -d' ' -f1 /proc/loadavg)
started=$(date +%s.%N)
"$java" "${cache[@]}" -jar "$jar" --server.port="$port" --nabij.embedded.home="$home/neo4j" \
  --nabij.embedded.bolt-port="$bolt" --nabij.pseudonym.key-file="$home/pseudonym.key" "$@" \
  >"$home/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' \
    "http://127.0.0.1:$port/graphql"; do
  if ! kill -0 $pid 2>/dev/null; then echo "the app stopped; see $home/app.log" >&2; exit 1; fi
  sleep 0.1
done
answered=$(date +%s.%N)
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat")
printf '%s start to first answer: %.1f s, %s s CPU, load average %s (%s%s)\n' "$($fresh && echo first || echo re)" \
  "$(echo "$answered - $started" | bc)" "$cpu" "$load" "$(grep -o 'Started NabijApplication in [0-9.]* seconds' "$home/app.log" || true)" \
  "${cache:+, AOT cache}"
kill $pid
wait $pid 2>/dev/null || true
