#!/usr/bin/env bash
# Kills the application with kill -9 in the middle of 1,000 registrations from eight clients, restarts it, and checks
# that every registration it had acknowledged is still there. Exits non-zero when one is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl backend -am test -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false
