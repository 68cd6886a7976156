#!/usr/bin/env bash
# Starts the local runner on a free port, returns as soon as it prints its `ready` line, then stops it
# (SIGTERM, which also stops its moto server). Timing this whole script gives the runner's start time.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=local/target/loyalty-local.jar
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
java -jar "$jar" --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do
  if grep -q "ready at" "$log"; then exit 0; fi
  if ! kill -0 $pid 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 0.05
done
echo "no ready line within 30 s" >&2
exit 1
