#!/usr/bin/env bash
# Restores a backup into a new embedded store, then stops: point the app at that store afterwards.
#   ops/restore.sh nabij-backup.jsonl.gz /var/lib/nabij/neo4j
# The store directory must not exist yet, or be empty. The restore writes into a fresh store next to it
# (<store>.restoring) and moves that into place only when the whole file checked out and the restored store's counts
# and digest equal the file's; otherwise it removes it and exits non-zero, and no partial store is left behind.
# Runs on a JDK 21+ and the jar that ops/nabij-jar.sh finds (JAVA_HOME, NABIJ_JAR).
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/nabij-jar.sh
source="$(realpath "$1")"; home="$(realpath -m "$2")"; shift 2
if [ -e "$home" ] && [ -n "$(ls -A "$home")" ]; then
  echo "$home is not empty: restore only into a new store" >&2
  exit 1
fi
java="$(nabij_find_java)"
jar="$(nabij_jar)"
fresh="$home.restoring"
rm -rf "$fresh"
if "$java" -jar "$jar" --nabij.embedded.home="$fresh" --nabij.embedded.bolt-port=0 --server.port=0 \
    --nabij.demo-data.enabled=false --nabij.restore.from="$source" --nabij.exit-after-command=true "$@"; then
  [ -e "$home" ] && rmdir "$home"
  mv "$fresh" "$home"
  echo "Restored into $home"
else
  status=$?
  rm -rf "$fresh"
  echo "Restore failed (exit $status); $home is unchanged" >&2
  exit "$status"
fi
