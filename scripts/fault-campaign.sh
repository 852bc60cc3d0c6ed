#!/usr/bin/env bash
# Fault campaign "nothing lost, nothing doubled": simulated gate devices post verdicts at a steady rate through
# the real device API of the production jar (prod profile) while, round after round, at a random moment, the
# app is killed with kill -9 and started again, or MariaDB is killed with kill -9, or stopped cleanly, and
# started again (the app in rounds 1, 6, 11, 16; MariaDB in the others: killed in even rounds, stopped in odd
# ones; an app restart takes minutes on a loaded machine, a MariaDB restart seconds). Devices keep every verdict until a 200 names it and send it again,
# oldest first, with the same id. After each round every verdict acknowledged so far must be in the database
# once; at the end, with the backlogs drained, every verdict made must be there once, and the live counters
# must agree with the database.
# Usage: scripts/fault-campaign.sh [rounds, default 20] [verdicts/s, default 300] [devices, default 20]
# Needs: Debian's mariadb-server binaries (mariadbd, mariadb-install-db); runs its own MariaDB on a random port
# with its data under target/fault-campaign/, never a shared server.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS="${1:-20}"
RATE="${2:-300}"
DEVICES="${3:-20}"
WORK="$PWD/target/fault-campaign"
CONTROL="$WORK/control"
DB_DIR="$WORK/db"
DB_PASSWORD="campaign-$RANDOM$RANDOM"
ADMIN_PASSWORD="campaign-admin-$RANDOM$RANDOM"

log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$WORK/campaign.log"; }

free_port() {
  local port
  while :; do
    port=$(shuf -i 20000-60000 -n 1)
    if ! (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

APP_START_SECONDS="${APP_START_SECONDS:-300}"   # a start takes over a minute on a loaded 2-core machine
source scripts/bench-lib.sh
production_jar
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
mvn -B -q test-compile
rm -rf "$WORK"
mkdir -p "$CONTROL"
# a copy of what runs, so that a build in this checkout during the campaign changes nothing under it
cp "$JAR" "$WORK/gateboard.jar"
cp -r target/classes "$WORK/classes"
cp -r target/test-classes "$WORK/test-classes"
CP="$WORK/test-classes:$WORK/classes:$(cat target/classpath.txt)"
DB_PORT=$(free_port)
PORT=$(free_port)

APP_PID="" DB_PID="" DEVICES_PID=""
cleanup() {
  for pid in $DEVICES_PID $APP_PID $DB_PID; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $DEVICES_PID $APP_PID $DB_PID; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
ON_EXIT=cleanup   # start_app replaces the trap with its own, which then calls this

start_db() {
  mariadbd --no-defaults --user=root --datadir="$DB_DIR" --port="$DB_PORT" --socket="$WORK/db.sock" \
    --bind-address=127.0.0.1 --pid-file="$WORK/db.pid" --log-error="$WORK/db.err" \
    --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=1 2>>"$WORK/db.err" &
  DB_PID=$!
  for _ in $(seq 1 120); do
    if mysqladmin --no-defaults -uroot -S "$WORK/db.sock" ping >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$DB_PID" 2>/dev/null; then log "MariaDB did not start; see $WORK/db.err"; exit 1; fi
    sleep 0.5
  done
  log "MariaDB did not answer within 60 s"; exit 1
}

# C1 only: a start costs less CPU on a loaded machine, and a few hundred verdicts/s need no more
APP_JAVA_OPTS="${CAMPAIGN_APP_JAVA_OPTS:--Xms512m -Xmx1g -XX:TieredStopAtLevel=1}"
start_gateboard() {
  PORT="$PORT" GATEBOARD_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/gateboard" GATEBOARD_DB_USER=gateboard \
    GATEBOARD_DB_PASSWORD="$DB_PASSWORD" GATEBOARD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    GATEBOARD_ID_HASH_SECRET="campaign-secret-campaign-secret-0123456789" \
    start_app "$WORK/app-$1.log" java $APP_JAVA_OPTS -jar "$WORK/gateboard.jar" --spring.profiles.active=prod
}

acked() { cat "$CONTROL/acked" 2>/dev/null || echo 0; }

# wait_acked_above N SECONDS: until a 200 has named more than N verdicts in all; prints the seconds waited
wait_acked_above() {
  local start=$SECONDS
  while [ "$(acked)" -le "$1" ]; do
    if [ $((SECONDS - start)) -ge "$2" ]; then return 1; fi
    sleep 0.2
  done
  echo $((SECONDS - start))
}

mariadb-install-db --no-defaults --user=root --datadir="$DB_DIR" --auth-root-authentication-method=socket \
  > "$WORK/db-install.log" 2>&1
start_db
mysql --no-defaults -uroot -S "$WORK/db.sock" -e "
  CREATE DATABASE gateboard CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'gateboard'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL ON gateboard.* TO 'gateboard'@'127.0.0.1';"
log "MariaDB $(mysql --no-defaults -uroot -S "$WORK/db.sock" -N -e 'SELECT VERSION()') on port $DB_PORT" \
  "(innodb_flush_log_at_trx_commit=$(mysql --no-defaults -uroot -S "$WORK/db.sock" -N -e 'SELECT @@innodb_flush_log_at_trx_commit'))"
start_gateboard 0
log "Gateboard (production jar, prod profile) on port $PORT"

java -Xmx512m -cp "$CP" org.gateboard.simulator.FaultCampaign --url "http://127.0.0.1:$PORT" \
  --admin-password "$ADMIN_PASSWORD" --jdbc-url "jdbc:mariadb://127.0.0.1:$DB_PORT/gateboard" \
  --jdbc-user gateboard --jdbc-password "$DB_PASSWORD" --control "$CONTROL" --devices "$DEVICES" --rate "$RATE" \
  > "$WORK/devices.log" 2>&1 &
DEVICES_PID=$!
log "$DEVICES devices at about $RATE verdicts/s; $ROUNDS rounds"

PASSED=0
for round in $(seq 1 "$ROUNDS"); do
  # under load: acknowledgements are flowing before the fault
  if ! wait_acked_above "$(acked)" 120 >/dev/null; then log "round $round: no verdict acknowledged for 120 s"; break; fi
  sleep "$(shuf -i 2-12 -n 1).$(shuf -i 0-9 -n 1)"
  if [ $((round % 5)) = 1 ]; then what="app killed (kill -9)"
  elif [ $((round % 2)) = 0 ]; then what="MariaDB killed (kill -9)"; signal=KILL
  else what="MariaDB stopped (SIGTERM)"; signal=TERM
  fi
  if [ "$what" = "app killed (kill -9)" ]; then
    kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    down=$SECONDS
    start_gateboard "$round"
  else
    kill -s "$signal" "$DB_PID"; wait "$DB_PID" 2>/dev/null || true
    down=$SECONDS
    start_db
  fi
  up=$((SECONDS - down))
  if ! resumed=$(wait_acked_above "$(acked)" 180); then log "round $round: $what; no verdict acknowledged for 180 s after the restart"; continue; fi
  touch "$CONTROL/check-$round"
  for _ in $(seq 1 600); do [ -f "$CONTROL/check-$round.result" ] && break; sleep 0.2; done
  result=$(cat "$CONTROL/check-$round.result" 2>/dev/null || echo "round $round: no answer from the devices -> FAILED")
  log "round $round: $what; back in ${up} s; acknowledgements again after ${resumed} s more; $result"
  case "$result" in *"-> ok") PASSED=$((PASSED + 1)) ;; esac
done

touch "$CONTROL/stop"
log "arrivals stopped; the devices drain their backlogs"
status=0
wait "$DEVICES_PID" || status=$?
DEVICES_PID=""
log "$(cat "$CONTROL/final" 2>/dev/null || echo 'no final figures; see devices.log')"
log "rounds passed: $PASSED of $ROUNDS; devices: $(grep 'Fault campaign, devices' "$WORK/devices.log" | sed 's/.*devices: //')"
[ "$status" = 0 ] && [ "$PASSED" = "$ROUNDS" ]
