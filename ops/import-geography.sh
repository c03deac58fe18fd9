#!/usr/bin/env bash
# Imports a municipality's CBS geography into a running Nabij's database, over Bolt, streaming the files from disk:
#   ops/import-geography.sh GM0363 wijkenbuurten_2025.csv pc6hnr20250801_gwb.csv [bolt://127.0.0.1:7687]
# Either file may be given as '-' to leave it out. See docs/how-to/import-geography.md.
# Runs on a JDK 21+ and the jar that ops/nabij-jar.sh finds (JAVA_HOME, NABIJ_JAR).
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/nabij-jar.sh
municipality="$1"; areas="$2"; addresses="$3"; shift 3
uri="${1:-bolt://127.0.0.1:7687}"; shift || true
files=()
[ "$areas" != "-" ] && files+=(--nabij.geography.areas="$(realpath "$areas")")
[ "$addresses" != "-" ] && files+=(--nabij.geography.addresses="$(realpath "$addresses")")
java="$(nabij_find_java)"
jar="$(nabij_jar)"
exec "$java" -jar "$jar" --spring.neo4j.uri="$uri" --server.port=0 \
  --nabij.demo-data.enabled=false --nabij.geography.municipality="$municipality" "${files[@]}" "$@" \
  --nabij.exit-after-command=true
