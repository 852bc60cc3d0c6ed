#!/usr/bin/env bash
# Refusal review benchmark: a month of verdicts (10 million by default) generated inside MariaDB, then page
# p95 over HTTP for the common searches, the count for a day, export rows/s, and ingestion p99 at
# 2,000 verdicts/s while the searches and an export run.
# Usage: scripts/bench-refusals.sh [rows, default 10000000] [seconds of ingestion, default 60]
# Needs: a MariaDB server at $BENCH_DB_HOST:$BENCH_DB_PORT (root, no password by default). Creates the
# database refusal_bench and drops it at the end (BENCH_KEEP_DB=1 keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${1:-10000000}"
LOAD_SECONDS="${2:-60}"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
DB=refusal_bench
PORT="${BENCH_PORT:-$((20000 + RANDOM % 30000))}"
SECRET="${GATEBOARD_ID_HASH_SECRET:-benchmark-secret-benchmark-secret-0123456789}"
export GATEBOARD_ID_HASH_SECRET="$SECRET"
SQL=(mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"})
DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB"
mkdir -p bench

source scripts/bench-lib.sh
# the app creates the schema and the demo registry (venues, gates, devices, the official account); a slow
# simulator stands for gates posting during generation
start_demo_server "$DB" 5 bench/refusal-app.log "${BENCH_APP_JAVA_OPTS:--Xms1g -Xmx1g}"
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true;
      [ "${BENCH_KEEP_DB:-0}" = 1 ] || "${SQL[@]}" -e "DROP DATABASE IF EXISTS '"$DB"'"' EXIT

{ uptime; nproc; "${SQL[@]}" -N -e "SELECT VERSION(); SELECT @@innodb_buffer_pool_size"; } | tee bench/refusal-machine.txt
start=$(date +%s)
java -cp "$CP" org.gateboard.refusal.load.RefusalBenchmark generate "$DB_URL" "$ROWS" "$SECRET" \
  | tee bench/refusal-generate.txt
echo "generated $ROWS verdicts in $(( $(date +%s) - start )) s" | tee -a bench/refusal-generate.txt
"${SQL[@]}" -N -e "SELECT outcome, COUNT(*) FROM $DB.verdict GROUP BY outcome" | tee -a bench/refusal-generate.txt

echo "--- the statements alone, over JDBC" | tee bench/refusal-result.txt
java -cp "$CP" org.gateboard.refusal.load.RefusalBenchmark sql "$DB_URL" "$SECRET" | tee -a bench/refusal-result.txt
echo "--- searches, count and export over HTTP (no other load)" | tee -a bench/refusal-result.txt
java -cp "$CP" org.gateboard.refusal.load.RefusalBenchmark probe "http://127.0.0.1:$PORT" "$DB_URL" \
  | tee -a bench/refusal-result.txt

echo "--- ingestion at 2,000 verdicts/s while the searches and exports run" | tee -a bench/refusal-result.txt
java -cp "$CP" org.gateboard.simulator.LoadTool enroll --url "http://127.0.0.1:$PORT" \
  --admin-password admin123 --devices 20 --tokens-file bench/refusal-tokens.txt
java -cp "$CP" org.gateboard.simulator.LoadTool load --url "http://127.0.0.1:$PORT" \
  --tokens-file bench/refusal-tokens.txt --devices 20 --batch 20 --seconds "$LOAD_SECONDS" --rate 2000 \
  --warmup 10 --rounds 1 --runs open > bench/refusal-load.txt 2>&1 &
LOAD_PID=$!
sleep 10
java -cp "$CP" org.gateboard.refusal.load.RefusalBenchmark probe "http://127.0.0.1:$PORT" "$DB_URL" \
  | tee -a bench/refusal-result.txt
wait $LOAD_PID
cat bench/refusal-load.txt | tee -a bench/refusal-result.txt

# The retention job purging in its small batches while gates post at 2,000 verdicts/s. The generated month
# lies wholly before the retention period, so the job has millions of rows to purge and is still at work
# when the load ends; what it purged meanwhile is read from retention_run (the run goes on until the app stops).
echo "--- ingestion at 2,000 verdicts/s while the retention job runs" | tee -a bench/refusal-result.txt
java -cp "$CP" org.gateboard.simulator.LoadTool load --url "http://127.0.0.1:$PORT" \
  --tokens-file bench/refusal-tokens.txt --devices 20 --batch 20 --seconds "$LOAD_SECONDS" --rate 2000 \
  --warmup 10 --rounds 1 --runs open > bench/refusal-retention-load.txt 2>&1 &
LOAD_PID=$!
sleep 5
curl -fsS -u "admin:${BENCH_ADMIN_PASSWORD:-admin123}" -X POST -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT/api/v1/admin/retention/run" > bench/refusal-retention-run.txt 2>&1 &
PURGE_PID=$!
wait $LOAD_PID
cat bench/refusal-retention-load.txt | tee -a bench/refusal-result.txt
"${SQL[@]}" -e "SELECT started_at, cutoff, verdicts_purged, finished_at FROM $DB.retention_run ORDER BY id DESC LIMIT 1" \
  | tee -a bench/refusal-result.txt
kill $PURGE_PID 2>/dev/null || true
