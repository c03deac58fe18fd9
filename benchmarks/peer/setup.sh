#!/usr/bin/env bash
# Installs the peer's pinned packages (package-lock.json) and starts it against a running Nabij's Bolt port.
#   benchmarks/peer/setup.sh [--bolt bolt://127.0.0.1:7687] [--port 4000]
set -euo pipefail
cd "$(dirname "$0")"
node --version | grep -qE '^v(2[0-9]|[3-9][0-9])\.' || { echo "the peer needs Node 20 or newer" >&2; exit 1; }
npm ci --no-audit --no-fund --silent
exec node server.js "$@"
