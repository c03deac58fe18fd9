#!/usr/bin/env bash
# Restores a backup into an empty embedded store, then stops: point the app at that store afterwards.
#   ops/restore.sh nabij-backup.jsonl.gz /var/lib/nabij/neo4j
set -euo pipefail
cd "$(dirname "$0")/.."
source="$(realpath "$1")"; home="$2"; shift 2
exec java -jar backend/target/nabij-backend-*.jar --nabij.embedded.home="$home" --nabij.embedded.bolt-port=0 \
  --server.port=0 --nabij.demo-data.enabled=false --nabij.restore.from="$source" --nabij.exit-after-command=true "$@"
