#!/usr/bin/env bash
# Restart after a busy day: how long a production node takes from process start to serving today's correct
# figures when the database already holds VERDICTS verdicts scanned today.
# Usage: scripts/bench-restart.sh [verdicts, default 20000000] [venues, default 20] [gates per venue, default 5] [restarts, default 3]
# Needs: a MariaDB server at $BENCH_DB_HOST:$BENCH_DB_PORT (root, no password by default). The script
# (re)creates the database $BENCH_DB_NAME (default gateboard_restart_bench) and drops it at the end
# (BENCH_KEEP=1 keeps it). About 250 bytes of disk per verdict while it runs.
#
# The verdicts are written by the database itself (INSERT ... SELECT from a sequence), not through the
# device API, which would take hours; their tallies are then derived with the grouped INSERT ... SELECT
# statements of the migration that introduced verdict_tally (the bulk loader's shortcut: the ingestion
# path writes the same tallies batch by batch, in the verdicts' own transactions).
set -euo pipefail
cd "$(dirname "$0")/.."

VERDICTS="${1:-20000000}"
VENUES="${2:-20}"
GATES="${3:-5}"
RESTARTS="${4:-3}"
DB_HOST="${BENCH_DB_HOST:-127.0.0.1}"
DB_PORT="${BENCH_DB_PORT:-3306}"
DB_USER="${BENCH_DB_USER:-root}"
DB_PASSWORD="${BENCH_DB_PASSWORD:-}"
DB="${BENCH_DB_NAME:-gateboard_restart_bench}"
PORT="${BENCH_PORT:-8184}"
ADMIN_PASSWORD="bench-admin-password"
SQL=(mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"})
mkdir -p bench

cleanup() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" != 1 ]; then "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB"; fi
}
trap cleanup EXIT

source scripts/bench-lib.sh
run_app() {
  PORT="$PORT" GATEBOARD_DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" GATEBOARD_DB_USER="$DB_USER" \
    GATEBOARD_DB_PASSWORD="$DB_PASSWORD" GATEBOARD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    GATEBOARD_ID_HASH_SECRET="${GATEBOARD_ID_HASH_SECRET:-benchmark-secret-benchmark-secret-0123456789}" \
    java ${BENCH_APP_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=prod > "$1" 2>&1 &
  APP_PID=$!
}
stop_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
}
await_ready() {
  for _ in $(seq 1 1800); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The app did not start; see $1"; exit 1; fi
    sleep 0.1
  done
  echo "The app was not ready after 180 s; see $1"; exit 1
}

load_day() {
echo "== Registry: $VENUES venues x $GATES gates, one device each"
"${SQL[@]}" "$DB" -e "
  INSERT INTO venue (code, name_zh, name_en, level, active, created_at)
    SELECT CONCAT('RB', LPAD(seq, 2, '0')), CONCAT('重启压测 ', seq), CONCAT('Restart bench ', seq), 'DISTRICT', TRUE, NOW(3)
      FROM seq_1_to_$VENUES;
  INSERT INTO gate (venue_id, code, name_zh, name_en, active, created_at)
    SELECT v.id, CONCAT('G', g.seq), CONCAT('门 ', g.seq), CONCAT('Gate ', g.seq), TRUE, NOW(3)
      FROM venue v JOIN seq_1_to_$GATES g WHERE v.code LIKE 'RB%';
  INSERT INTO device (gate_id, label, token_hash, status, created_at, token_issued_at)
    SELECT g.id, CONCAT('RB-', g.id), SHA2(CONCAT('restart-bench-', g.id, RAND()), 256), 'ACTIVE', NOW(3), NOW(3)
      FROM gate g JOIN venue v ON v.id = g.venue_id WHERE v.code LIKE 'RB%';
  CREATE TABLE bench_device (k INT PRIMARY KEY, venue_id BIGINT, gate_id BIGINT, device_id BIGINT)
    SELECT ROW_NUMBER() OVER (ORDER BY d.id) - 1 AS k, g.venue_id, g.id AS gate_id, d.id AS device_id
      FROM device d JOIN gate g ON g.id = d.gate_id JOIN venue v ON v.id = g.venue_id WHERE v.code LIKE 'RB%';"
DEVICES=$("${SQL[@]}" -N "$DB" -e "SELECT COUNT(*) FROM bench_device")

# Scan times spread evenly from the start of today (Asia/Shanghai) to a minute ago, in order of the
# sequence, so every index is filled at its end as a day's traffic fills it.
DAY_START=$("${SQL[@]}" -N -e "SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL 8 HOUR")
SPAN_MS=$("${SQL[@]}" -N -e "SELECT TIMESTAMPDIFF(MICROSECOND, '$DAY_START', UTC_TIMESTAMP()) DIV 1000 - 60000")
echo "== $VERDICTS verdicts scanned today (from $DAY_START UTC, over $((SPAN_MS / 60000)) minutes), $DEVICES devices"
LOAD_START=$(date +%s)
CHUNK=1000000
for ((from = 0; from < VERDICTS; from += CHUNK)); do
  to=$((from + CHUNK < VERDICTS ? from + CHUNK : VERDICTS))
  "${SQL[@]}" "$DB" -e "SET time_zone = '+00:00';
    INSERT INTO verdict (id, venue_id, gate_id, device_id, scanned_at, received_at, outcome, reasons, code_color,
                         channel, photo_on_code, id_checked, mask_worn, temperature_c, person_role, check_ms,
                         policy_version, non_conforming, non_conformance)
    SELECT UNHEX(LPAD(HEX(s.seq), 32, '0')), d.venue_id, d.gate_id, d.device_id,
           TIMESTAMPADD(MICROSECOND, FLOOR(s.seq * ($SPAN_MS / $VERDICTS)) * 1000, '$DAY_START'),
           TIMESTAMPADD(MICROSECOND, FLOOR(s.seq * ($SPAN_MS / $VERDICTS)) * 1000 + 1000000, '$DAY_START'),
           IF(s.seq % 10 < 8, 'ADMITTED', 'REFUSED'),
           IF(s.seq % 10 < 8, '', ELT(1 + s.seq DIV 10 % 5, 'CODE_RED', 'CODE_YELLOW', 'NO_MASK', 'FEVER', 'CODE_RED,NO_MASK')),
           IF(s.seq % 10 < 8, 'GREEN', ELT(1 + s.seq DIV 10 % 5, 'RED', 'YELLOW', 'GREEN', 'GREEN', 'RED')),
           'APP', TRUE, FALSE, s.seq DIV 10 % 5 NOT IN (2, 4), IF(s.seq DIV 10 % 5 = 3 AND s.seq % 10 >= 8, 38.1, 36.5),
           ELT(1 + s.seq % 7, 'TENDERER', 'AGENT', 'BIDDER', 'EXPERT', 'SUPERVISOR', 'STAFF', 'OTHER'),
           IF(s.seq % 5 = 0, NULL, 2000 + s.seq * 7919 % 30000), 1, s.seq % 997 = 0,
           IF(s.seq % 997 = 0, 'BENCH', NULL)
      FROM seq_${from}_to_$((to - 1)) s JOIN bench_device d ON d.k = s.seq % $DEVICES;"
  echo "   $to verdicts ($(( $(date +%s) - LOAD_START )) s)"
done
echo "== Tallies, derived with the migration's statements"
TALLY_START=$(date +%s)
sed -n '/^INSERT INTO verdict_tally/,/;$/p' src/main/resources/db/migration/V3_1__verdict_tally.sql \
  | "${SQL[@]}" "$DB" --init-command="SET time_zone = '+00:00'"
echo "   $("${SQL[@]}" -N "$DB" -e "SELECT COUNT(*) FROM verdict_tally") tally rows ($(( $(date +%s) - TALLY_START )) s)"
"${SQL[@]}" "$DB" -e "DROP TABLE bench_device"
}

echo "== MariaDB $("${SQL[@]}" -N -e "SELECT CONCAT(VERSION(), ', buffer pool ', @@innodb_buffer_pool_size DIV 1048576, ' MiB, redo log ', @@innodb_log_file_size DIV 1048576, ' MiB')")"

# BENCH_REUSE=1: the database was filled by an earlier run with BENCH_KEEP=1; only restart.
if [ "${BENCH_REUSE:-0}" != 1 ]; then
  "${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  production_jar
  echo "== Schema (first start on the empty database)"
  run_app bench/restart-first.log
  await_ready bench/restart-first.log
  stop_app
  load_day
else
  production_jar
fi
EXPECTED=$("${SQL[@]}" -N "$DB" -e "SELECT CONCAT(SUM(outcome = 'ADMITTED'), '/', SUM(outcome = 'REFUSED')) FROM verdict")
echo "   expected today: admitted/refused = $EXPECTED ($("${SQL[@]}" -N "$DB" -e "SELECT COUNT(*) FROM verdict_tally") tally rows)"

served() {
  curl -fs -u "admin:$ADMIN_PASSWORD" "http://127.0.0.1:$PORT/api/v1/stats/venues" 2>/dev/null \
    | python3 -c 'import json,sys; v=[x for x in json.load(sys.stdin) if x["code"].startswith("RB")]; print("%d/%d" % (sum(x["admitted"] for x in v), sum(x["refused"] for x in v)))' 2>/dev/null || true
}

echo "== $RESTARTS restarts (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
for round in $(seq 1 "$RESTARTS"); do
  start=$(date +%s%N)
  run_app "bench/restart-$round.log"
  await_ready "bench/restart-$round.log"
  ready=$(date +%s%N)
  figures=""
  for _ in $(seq 1 600); do
    figures=$(served)
    [ "$figures" = "$EXPECTED" ] && break
    sleep 0.1
  done
  correct=$(date +%s%N)
  [ "$figures" = "$EXPECTED" ] || { echo "Served $figures, expected $EXPECTED"; exit 1; }
  recount=$(grep -o 'Live counts recounted in [0-9]* ms' "bench/restart-$round.log" | head -1 || true)
  printf 'restart %d: ready after %5.1f s, correct figures after %5.1f s (%s; load %s)\n' "$round" \
    "$(echo "($ready - $start) / 1000000000" | bc -l)" "$(echo "($correct - $start) / 1000000000" | bc -l)" \
    "${recount:-recount time not logged}" "$(cut -d' ' -f1 /proc/loadavg)"
  stop_app
done
echo "Database size: $("${SQL[@]}" -N -e "SELECT CONCAT(ROUND(SUM(data_length + index_length) / POW(1024, 3), 1), ' GiB') FROM information_schema.tables WHERE table_schema = '$DB'")"
