#!/usr/bin/env bash
# Writes a backup of the graph of a running Nabij to a file, over Bolt, while it keeps serving:
#   ops/backup.sh nabij-backup.jsonl.gz [bolt://127.0.0.1:7687]
# For a server with authentication add --spring.neo4j.authentication.username=… and .password=… after the URI.
# Runs on a JDK 21+ and the jar that ops/nabij-jar.sh finds (JAVA_HOME, NABIJ_JAR).
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/nabij-jar.sh
target="$(realpath -m "$1")"; shift
uri="${1:-bolt://127.0.0.1:7687}"; shift || true
java="$(nabij_find_java)"
jar="$(nabij_jar)"
exec "$java" -jar "$jar" --spring.neo4j.uri="$uri" --server.port=0 \
  --nabij.demo-data.enabled=false --nabij.backup.to="$target" "$@" \
  --nabij.exit-after-command=true
