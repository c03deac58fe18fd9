#!/usr/bin/env bash
# Generates a synthetic city and loads it into a running Neo4j; the arguments go to CityLoader
# (--residents, --seed, --uri, --user, --password, --database, --batch-size, --dry-run; --help lists them).
# Rerun the same command after a crash: it continues after the last committed batch.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -pl seed-data compile exec:exec@city -Dcity.args="$*"
