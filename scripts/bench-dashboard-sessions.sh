#!/usr/bin/env bash
# How many open dashboards one node holds while ingesting: Gateboard (production jar, prod profile with demo
# data) runs as its own process; the load tool (test sources) posts verdicts through the device API with
# the demo gates' tokens at a fixed rate; a separate JVM opens dashboard sessions in steps, each signing in
# through the login form and holding its push WebSocket (permessage-deflate) as a browser tab does, without
# rendering (src/test/java/org/gateboard/live/browser/PushSessionsLoad.java). At each step it reports the
# verdicts the server accepted per second, the server's CPU, the pushes each session received and the gaps
# between them, verdict to screen on the venue views (a probe posts to the city centre, which the load
# leaves alone, and times each batch until each view's "admitted" figure includes it), and the live heap.
# Usage: scripts/bench-dashboard-sessions.sh [steps, default 0,100,250,500,1000] [verdicts/s, default 1000]
# Needs: a MariaDB server at $BENCH_DB_HOST:$BENCH_DB_PORT (root, no password by default; the script
# recreates the database $BENCH_DB_NAME, default gateboard_sessions) and a JDK (jcmd). No browser.
# BENCH_SETTLE / BENCH_WINDOW: seconds to wait after opening a step's sessions / to measure (20 / 30).
# Results: bench/dashboard-sessions/ (result.txt, steps.txt, a class histogram per step, app.log, load.log;
# with BENCH_DUMP=1 also one push of each view as received, push-venue.txt and push-overview.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

STEPS="${1:-0,100,250,500,1000}"
RATE="${2:-1000}"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
DB_NAME="${BENCH_DB_NAME:-gateboard_sessions}"
PORT="${BENCH_PORT:-8192}"
OUT=bench/dashboard-sessions
mkdir -p "$OUT"
SQL=(mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"})

source scripts/bench-lib.sh
# the demo gate simulator is off: the city centre, whose venue view half the sessions show, gets only the
# verdict-to-screen probe's verdicts (PushSessionsLoad.Probe), the other venues the load
start_demo_server "$DB_NAME" 0 "$OUT/app.log" "${BENCH_APP_JAVA_OPTS:--Xms1g -Xmx1g}"
grep -o 'gbd_demo_[a-z0-9_-]*' "$OUT/app.log" | sort -u | grep -v '^gbd_demo_sh-city_' > "$OUT/tokens.txt"

{ echo "date: $(date -u +%FT%TZ)  cores: $(nproc)  load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jar: $JAR  app java opts: ${BENCH_APP_JAVA_OPTS:--Xms1g -Xmx1g}  offered verdicts/s: $RATE"; } | tee "$OUT/machine.txt"
LOAD_PID=
if [ "$RATE" -gt 0 ]; then
  java -Xmx512m -cp "$CP" org.gateboard.simulator.LoadTool load --url "http://127.0.0.1:$PORT" \
    --tokens-file "$OUT/tokens.txt" --devices "$(wc -l < "$OUT/tokens.txt")" --batch 100 --seconds 86400 \
    --rate "$RATE" --warmup 0 --runs open --rounds 1 > "$OUT/load.log" 2>&1 &
  LOAD_PID=$!
  trap 'kill $LOAD_PID 2>/dev/null || true; kill $APP_PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
fi
BENCH_PROBE_TOKEN=gbd_demo_sh-city_g1 java ${BENCH_LOAD_JAVA_OPTS:--Xmx1g} -cp "$CP" org.gateboard.live.browser.PushSessionsLoad "http://127.0.0.1:$PORT" \
  "$APP_PID" "$VENUE" "$STEPS" "$OUT" "${BENCH_SETTLE:-20}" "${BENCH_WINDOW:-30}" | tee "$OUT/result.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
