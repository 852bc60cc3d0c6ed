#!/usr/bin/env bash
# "What if" on a large day: loads VERDICTS (default 600,000) verdicts of one day into an own database on a
# MariaDB server with one INSERT ... SELECT, starts Gateboard on it, and times POST /api/v1/policies/what-if
# (a baseline draft over every venue) over real HTTP, RUNS times (default 7); prints each and the median.
# Usage (from the repository root): scripts/bench-policy-whatif.sh
# Environment: DB_HOST (127.0.0.1), DB_PORT (3306), DB_USER (root), DB_PASSWORD (empty), DB (policy_bench),
# PORT (random), VERDICTS, RUNS, CLASSES (compiled classes to run; default: compile into target/classes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
DB=${DB:-policy_bench}
PORT=${PORT:-$((20000 + RANDOM % 40000))}
VERDICTS=${VERDICTS:-600000}
RUNS=${RUNS:-7}
SQL=(mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER")
if [ -n "$DB_PASSWORD" ]; then SQL+=("-p$DB_PASSWORD"); fi

"${SQL[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
# The API alone is measured: the app runs from the compiled classes (the committed development bundle
# serves the pages), demo accounts and venues asked for explicitly, no simulated gates.
if [ -z "${CLASSES:-}" ]; then
  mvn -B -q compile
  CLASSES=target/classes
fi
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
PORT="$PORT" GATEBOARD_DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB" GATEBOARD_DB_USER="$DB_USER" \
  GATEBOARD_DB_PASSWORD="$DB_PASSWORD" \
  GATEBOARD_ID_HASH_SECRET="${GATEBOARD_ID_HASH_SECRET:-benchmark-secret-benchmark-secret-0123456789}" \
  start_app target/bench-policy-whatif.log java -Xmx1g -cp "$CLASSES:$(cat target/classpath.txt)" \
  org.gateboard.Application --server.port="$PORT" --gateboard.demo.enabled=true \
  --gateboard.demo.simulator.enabled=false

DAY=$(TZ=Asia/Shanghai date -d yesterday +%F)
echo "Loading $VERDICTS verdicts of $DAY (Shanghai time) into $DB ..."
start=$(date +%s)
# Facts drawn like the demo crowd's: mostly green, some yellow and red, a few without a code, photo-less
# codes with and without an ID check, masks, temperatures around 36.5 with a fever tail; the gate decided
# under version 1 (37.3 °C, green only). Spread over the day's hours and the demo venues.
"${SQL[@]}" "$DB" -e "
SET @venues := (SELECT COUNT(*) FROM venue);
INSERT INTO verdict (id, venue_id, gate_id, device_id, scanned_at, received_at, outcome, reasons, code_color,
                     channel, photo_on_code, id_checked, mask_worn, temperature_c, person_role, policy_version)
SELECT UNHEX(REPLACE(UUID(), '-', '')), v.id, 1, 1, t.at, t.at,
       IF(t.color = 'GREEN' AND t.mask AND t.temp < 37.3 AND (t.photo OR t.idc), 'ADMITTED', 'REFUSED'),
       '', t.color, 'APP', t.photo, t.idc, t.mask, t.temp, t.role, 1
FROM (SELECT seq,
             CONVERT_TZ(TIMESTAMP('$DAY') + INTERVAL FLOOR(RAND(seq) * 86400) SECOND, '+08:00', '+00:00') AS at,
             ELT(1 + (seq % 50 = 0) + (seq % 25 = 1), 'GREEN', 'YELLOW', 'RED') AS color,
             (seq % 13 <> 0) AS photo, (seq % 5 = 0) AS idc, (seq % 31 <> 0) AS mask,
             ROUND(LEAST(42, GREATEST(35, 36.5 + (RAND(seq * 7) + RAND(seq * 11) + RAND(seq * 13) - 1.5) * 0.6
                   + IF(seq % 67 = 0, 1.2, 0))), 1) AS temp,
             ELT(1 + seq % 7, 'BIDDER', 'AGENT', 'TENDERER', 'EXPERT', 'SUPERVISOR', 'STAFF', 'BIDDER') AS role,
             seq % @venues AS venue_index
      FROM seq_1_to_$VERDICTS) t
JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS idx FROM venue) v ON v.idx = t.venue_index;
ANALYZE TABLE verdict;"
echo "Loaded in $(( $(date +%s) - start )) s: $("${SQL[@]}" -N "$DB" -e "SELECT COUNT(*) FROM verdict") verdicts"

BODY="{\"feverThresholdC\": 37.0, \"admittedColors\": [\"GREEN\"], \"photolessRequiresIdCheck\": true,
      \"maskRequired\": true, \"day\": \"$DAY\"}"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
times=()
for i in $(seq 1 "$RUNS"); do
  t=$(curl -s -o target/bench-policy-whatif.json -w '%{time_total}' -u official:official123 \
      -H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$PORT/api/v1/policies/what-if")
  echo "run $i: ${t} s"
  times+=("$t")
done
echo "Answer: $(head -c 400 target/bench-policy-whatif.json)"
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "Median of $RUNS what-if requests over $("${SQL[@]}" -N "$DB" -e "SELECT COUNT(*) FROM verdict") verdicts: ${median} s"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
