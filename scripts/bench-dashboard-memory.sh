#!/usr/bin/env bash
# What an open live dashboard costs the server: Gateboard (production jar, prod profile with demo data and
# the built-in gate simulator, so pushes flow) runs as its own process; a separate JVM opens real Chromium
# sessions (half the demo manager on the city centre's venue view, half the demo official on the city
# overview) in steps, and at each step reads the server's live heap after full GCs (jcmd) and its CPU.
# Usage: scripts/bench-dashboard-memory.sh [steps, default 0,10,20,30] [simulated verdicts/s, default 20]
# Needs: a MariaDB server at $BENCH_DB_HOST:$BENCH_DB_PORT (root, no password by default; the script
# recreates the database gateboard_mem), Chromium at /usr/bin/chromium (or CHROMIUM_PATH), a JDK (jcmd).
# BENCH_SETTLE: seconds to wait after opening sessions before measuring (default 25; 75 lets the request
# threads started for the logins go idle and end, as they do on a real wall screen).
# BENCH_VIEWS=venue or overview: every session on that view instead of half and half.
# BENCH_HEAP_DUMP=1: also write a heap dump per step (heap-<n>.hprof, about 80 MB each) for a heap analyser.
# Results: bench/dashboard-memory/ (steps.txt, summary.txt, a class histogram per step, app.log).
set -euo pipefail
cd "$(dirname "$0")/.."

STEPS="${1:-0,10,20,30}"
RATE="${2:-20}"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
PORT="${BENCH_PORT:-8191}"
OUT=bench/dashboard-memory
mkdir -p "$OUT"
rm -rf "$OUT"/heap-*.hprof*
SQL=(mariadb -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"})

source scripts/bench-lib.sh
start_demo_server gateboard_mem "$RATE" "$OUT/app.log" "${BENCH_APP_JAVA_OPTS:--Xms512m -Xmx1g}"

{ echo "date: $(date -u +%FT%TZ)  cores: $(nproc)  load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jar: $JAR  app java opts: ${BENCH_APP_JAVA_OPTS:--Xms512m -Xmx1g}  simulated verdicts/s: $RATE"; } | tee "$OUT/machine.txt"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java ${BENCH_LOAD_JAVA_OPTS:--Xmx512m} -cp "$CP" org.gateboard.live.browser.DashboardSessionsLoad \
  "http://127.0.0.1:$PORT" "$APP_PID" "$VENUE" "$STEPS" "$OUT" "${BENCH_SETTLE:-25}" | tee "$OUT/result.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
