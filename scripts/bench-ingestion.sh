#!/usr/bin/env bash
# Ingestion benchmark: Gateboard (prod profile, production jar) and a MariaDB server on this machine,
# 50 gate devices sending batches of 100 verdicts; then the same rows inserted straight into MariaDB.
# Usage: scripts/bench-ingestion.sh [seconds per run, default 30] [offered verdicts/s, default 10000]
# Needs: a MariaDB server at $BENCH_DB_HOST:$BENCH_DB_PORT (root, no password by default) with
# innodb_flush_log_at_trx_commit=1; the script creates (and recreates) the database $BENCH_DB_NAME
# (default gateboard_bench).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN="${1:-30}"
RATE="${2:-10000}"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
PORT="${BENCH_PORT:-8183}"
DB_NAME="${BENCH_DB_NAME:-gateboard_bench}"
DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_NAME"
mkdir -p bench

mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} -e \
  "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
   SHOW VARIABLES WHERE Variable_name IN ('innodb_flush_log_at_trx_commit', 'innodb_buffer_pool_size', 'log_bin'); SELECT VERSION();" | tee bench/db.txt

source scripts/bench-lib.sh
production_jar
load_tools
ADMIN_PASSWORD="${GATEBOARD_ADMIN_PASSWORD:-bench-admin-password}"

PORT="$PORT" GATEBOARD_DB_URL="$DB_URL" GATEBOARD_DB_USER="$DB_USER" GATEBOARD_DB_PASSWORD="$DB_PASSWORD" \
  GATEBOARD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  GATEBOARD_ID_HASH_SECRET="${GATEBOARD_ID_HASH_SECRET:-benchmark-secret-benchmark-secret-0123456789}" \
  start_app bench/app.log java ${BENCH_APP_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=prod

java -cp "$CP" org.gateboard.simulator.LoadTool enroll --url "http://127.0.0.1:$PORT" \
  --admin-password "$ADMIN_PASSWORD" --devices 50 --tokens-file bench/tokens.txt
java ${BENCH_LOAD_JAVA_OPTS:--Xmx1g} -cp "$CP" org.gateboard.simulator.LoadTool load \
  --url "http://127.0.0.1:$PORT" --tokens-file bench/tokens.txt --devices 50 --batch 100 \
  --seconds "$SECONDS_PER_RUN" --rate "$RATE" --warmup 45 --rounds 3 \
  --jdbc-url "$DB_URL" --jdbc-user "$DB_USER" --jdbc-password "$DB_PASSWORD" | tee bench/result.txt
