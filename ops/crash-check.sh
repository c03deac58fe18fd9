#!/usr/bin/env bash
# Kills the application with kill -9 under load and checks after each restart that every write it had acknowledged
# is there, exactly once; exits non-zero when one is missing or was made twice.
#   ops/crash-check.sh [cycles]
# Three tests (CrashSafetyTest): 1,000 registrations from eight clients, killed after 300 acknowledgements; household
# reads from 32 clients, each under its own username, killed after 300 answers, every answered read's audit event
# there after the restart (reads' events are committed in groups); and every
# kind of write at once (involvements registered and ended, collaboration, plan goals, consents granted and withdrawn,
# volunteer sign-ups, vindplaatsen, organisations, accounts), killed after 150 acknowledged writes and restarted on
# the same store, for the given number of cycles (default 1). The full output is in backend/target/crash-check.log.
set -euo pipefail
cd "$(dirname "$0")/.."
cycles="${1:-1}"
log=backend/target/crash-check.log
mkdir -p backend/target
status=0
./mvnw -B -q -pl backend -am test -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnabij.crash.cycles="$cycles" > "$log" 2>&1 || status=$?
grep -E "Crash check|Tests run|FAIL" "$log" || true
exit "$status"
