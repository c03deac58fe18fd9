#!/usr/bin/env bash
# Two builds of the app at once, each on a store and ports of its own (a copy of one demo store), and PeerComparison
# alternating between them minute by minute, so "before" and "after" see the same machine. The peer reads the first
# app's database, so its CPU per answer is right in the first app's runs only.
#   benchmarks/scripts/side-by-side.sh BEFORE.jar AFTER.jar STORE CLASSPATH
# STORE: a home an earlier run left (its neo4j/ and pseudonym.key), copied for each app; CLASSPATH: the benchmarks
# module's (benchmarks/target/classes and its dependencies). Writes JFR recordings before.jfr and after.jfr here.
set -euo pipefail
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
before_jar=$1 after_jar=$2 store=$3 classpath=$4
work=$(mktemp -d)
key=backend/src/test/resources/security/test-jwt-public.pem
start() { # name jar http-port bolt-port
  cp -a "$store" "$work/$1"
  # A busy machine compiles the first statements slowly: generous limits, or the first view answers 408.
  "$java_home/bin/java" -Xmx1g -jar "$2" --server.port="$3" --nabij.embedded.home="$work/$1/neo4j" \
    --nabij.embedded.bolt-port="$4" --nabij.pseudonym.key-file="$work/$1/pseudonym.key" \
    --nabij.graphql.timeout=120s --spring.transaction.default-timeout=120s --spring.mvc.async.request-timeout=120s \
    --spring.neo4j.pool.connection-acquisition-timeout=60s --spring.neo4j.connection-timeout=60s \
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$key" >"$work/$1.log" 2>&1 &
  echo $!
}
up() {
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' \
      "http://127.0.0.1:$1/graphql"; do sleep 2; done
}
before=$(start before "$before_jar" 18080 17687)
after=$(start after "$after_jar" 18081 17688)
(cd benchmarks/peer && exec node server.js --bolt bolt://127.0.0.1:17687 --port 14000) >"$work/peer.log" 2>&1 &
peer=$!
trap 'kill $peer $before $after 2>/dev/null || true' EXIT
up 18080
up 18081
sleep 8
compare() { # http-port bolt-port pid scenario extra-options...
  "$java_home/bin/java" -cp "$classpath" nl.nabij.bench.PeerComparison --url "http://127.0.0.1:$1/graphql" \
    --peer http://127.0.0.1:14000/ --bolt "bolt://127.0.0.1:$2" --app-pid "$3" --peer-pid "$peer" \
    --only "$4" --rounds 1 "${@:5}"
}
compare 18080 17687 "$before" household --warmup 20 --duration 5
compare 18081 17688 "$after" household --warmup 20 --duration 5
"$java_home/bin/jcmd" "$before" JFR.start name=view settings=profile filename="$PWD/before.jfr" >/dev/null
"$java_home/bin/jcmd" "$after" JFR.start name=view settings=profile filename="$PWD/after.jfr" >/dev/null
for scenario in household household typename; do
  echo "== before, $scenario"
  compare 18080 17687 "$before" "$scenario"
  echo "== after, $scenario"
  compare 18081 17688 "$after" "$scenario"
done
"$java_home/bin/jcmd" "$before" JFR.stop name=view >/dev/null
"$java_home/bin/jcmd" "$after" JFR.stop name=view >/dev/null
