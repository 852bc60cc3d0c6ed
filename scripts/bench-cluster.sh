#!/usr/bin/env bash
# One node against several, on this machine: ingestion through the balancer, the replica's lag under that
# load, and what each process spends.
# Usage: scripts/bench-cluster.sh [nodes, default 2] [offered verdicts/s, default 5000] [seconds, default 60]
#
# Brings the cluster up (scripts/cluster.sh up N, without the demo gate simulator), enrols BENCH_DEVICES
# benchmark devices through the balancer with the demo admin account, and offers the rate through the
# balancer with the ingestion load tool (LoadTool load: a warm-up of BENCH_WARMUP s at the offered rate, not
# counted, then the open-loop run: accepted verdicts/s and the request latency from each batch's scheduled
# send time). Once a second, from before the load until it ends, it samples:
#   - the replica's lag: the primary's GTID position (@@gtid_binlog_pos) is read and the replica waits for
#     it (MASTER_GTID_WAIT); the time from just before the read to the end of the wait is how long the
#     replica took to apply everything the primary had committed at that moment (it includes one local
#     round trip to each server; the same measure without offered load is printed as the floor). The
#     replica's Seconds_Behind_Master is sampled beside it (whole seconds, from the events' timestamps);
#   - the CPU time of every process the cluster recorded in target/cluster/pids (the nodes, the balancer,
#     the primary, the replica) and of the load tool, from /proc/<pid>/stat;
#   - the load average.
# Then it prints one summary block, over the samples taken during the measured run, and always takes the
# cluster down (scripts/cluster.sh down), also when interrupted or when something failed.
#
# Environment: BENCH_WARMUP (seconds, default 30), BENCH_DEVICES (default 50), BENCH_BATCH (verdicts per
# request, default 100), BENCH_ADMIN_PASSWORD (the demo admin's, admin123), BENCH_LOAD_JAVA_OPTS (the load
# tool's JVM, default -Xmx1g), and scripts/cluster.sh's GATEBOARD_CLUSTER_* variables (ports, node JVMs).
# Everything it wrote is in bench/cluster-<N>-nodes/: up.txt (what cluster.sh printed), load.txt (the load
# tool's output), samples.tsv (one line a second), summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

NODES="${1:-2}"
RATE="${2:-5000}"
RUN_SECONDS="${3:-60}"
WARMUP="${BENCH_WARMUP:-30}"
DEVICES="${BENCH_DEVICES:-50}"
BATCH="${BENCH_BATCH:-100}"
[[ "$NODES" =~ ^[1-8]$ ]] || { echo "nodes: 1 to 8" >&2; exit 2; }
[[ "$RATE" =~ ^[1-9][0-9]*$ && "$RUN_SECONDS" =~ ^[1-9][0-9]*$ && "$WARMUP" =~ ^[0-9]+$ ]] \
  || { echo "usage: scripts/bench-cluster.sh [nodes] [verdicts/s] [seconds]" >&2; exit 2; }

PIDS=target/cluster/pids
OUT=bench/cluster-$NODES-nodes
if compgen -G "$PIDS/*.pid" >/dev/null; then
  echo "A cluster is already up in this checkout ($PIDS): scripts/cluster.sh down first." >&2
  exit 1
fi
rm -rf "$OUT"
mkdir -p "$OUT"

CLUSTER_UP=0
LOAD_PID=
SAMPLER_PID=
cleanup() {
  local rc=$?
  trap - EXIT
  [ -z "$LOAD_PID" ] || kill "$LOAD_PID" 2>/dev/null || true
  [ -z "$SAMPLER_PID" ] || kill "$SAMPLER_PID" 2>/dev/null || true
  if [ "$CLUSTER_UP" = 1 ]; then scripts/cluster.sh down || true; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=bench-lib.sh
source scripts/bench-lib.sh
production_jar
load_tools

echo "Cluster of $NODES node(s) coming up ..." >&2
CLUSTER_UP=1
up_began=$EPOCHREALTIME
GATEBOARD_CLUSTER_SIMULATOR=false scripts/cluster.sh up "$NODES" | tee "$OUT/up.txt"
up_seconds=$(awk -v a="$up_began" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')

BALANCER=$(awk '$1 == "balancer" { print $2 }' "$OUT/up.txt")
PRIMARY=$(awk '$1 == "primary" { print $2 }' "$OUT/up.txt")
[ -n "$BALANCER" ] && [ -n "$PRIMARY" ] || { echo "cluster.sh up printed no balancer or primary" >&2; exit 1; }
[ "$(grep -c '^node ' "$OUT/up.txt")" = "$NODES" ] || { echo "cluster.sh up did not print $NODES nodes" >&2; exit 1; }
# the app's database account, for the load tool's count of stored verdicts
DB_USER=$(sed -n 's/^DB_USER=//p' target/cluster/cluster.env)
DB_PASSWORD=$(sed -n 's/^DB_PASSWORD=//p' target/cluster/cluster.env)

# ---- the sampler --------------------------------------------------------------------------------------

DB_ADMIN=$([ "$(id -u)" = 0 ] && echo root || id -un)

# open_client NAME: a mariadb client kept open on the cluster's database NAME (as its administrator, over
# the socket cluster.sh gives it), so that a sample costs a query rather than a process; sets NAME_IN and
# NAME_OUT to the descriptors to write queries to and read answers from
open_client() {
  local name=$1 in out
  mkfifo "$OUT/$name.in" "$OUT/$name.out"
  mariadb --no-defaults --socket="target/cluster/$name/mysqld.sock" -u "$DB_ADMIN" --unbuffered --force -N -B \
    < "$OUT/$name.in" > "$OUT/$name.out" 2>> "$OUT/sampler.err" &
  exec {in}> "$OUT/$name.in"
  exec {out}< "$OUT/$name.out"
  printf -v "${name}_IN" %s "$in"
  printf -v "${name}_OUT" %s "$out"
}

# ask IN OUT SQL: sends SQL (ending in ; or \G) and sets ANSWER to what it printed
ask() {
  local line
  printf '%s\nSELECT "--end--";\n' "$3" >&"$1"
  ANSWER=
  while IFS= read -r -t 120 line <&"$2"; do
    [ "$line" = --end-- ] && return 0
    ANSWER+=$line$'\n'
  done
  return 1
}

# the processes measured, as "name pid": the cluster's, in the order of its pid files, and the load tool's
processes() {
  local i
  for i in $(seq 1 "$NODES"); do echo "node$i $(cat "$PIDS/node$i.pid")"; done
  for name in balancer primary replica; do echo "$name $(cat "$PIDS/$name.pid")"; done
  echo "loadtool -"
}

# cpu_ticks PID: user + system CPU time of the process so far, in clock ticks ("-" when it is gone)
cpu_ticks() {
  local stat fields
  if [ "$1" != - ] && read -r stat 2>/dev/null < "/proc/$1/stat"; then
    read -r -a fields <<< "${stat##*) }"
    echo $((fields[11] + fields[12]))
  else
    echo -
  fi
}

# sampler: one line a second into samples.tsv until the file "stop" appears: the time, the load tool's
# phase (idle: no load yet; warmup; run: the measured run; after), the replica's lag in ms (-1: not caught
# up within 60 s), Seconds_Behind_Master, the 1-minute load average and each process's CPU ticks so far
sampler() {
  set +e
  open_client primary
  open_client replica
  # where Seconds_Behind_Master is among SHOW SLAVE STATUS's columns (the clients above print no names)
  local -a columns
  local behind_column=-1 k
  IFS=$'\t' read -r -a columns < <(mariadb --no-defaults --socket=target/cluster/replica/mysqld.sock -u "$DB_ADMIN" \
    -B -e 'SHOW SLAVE STATUS' | head -1)
  for k in "${!columns[@]}"; do [ "${columns[$k]}" = Seconds_Behind_Master ] && behind_column=$k; done
  local -a names pids
  local name pid
  while read -r name pid; do names+=("$name"); pids+=("$pid"); done < <(processes)
  printf 'time\tphase\tlag_ms\tbehind_s\tload1%s\n' "$(printf '\t%s' "${names[@]}")" > "$OUT/samples.tsv"
  local next=${EPOCHREALTIME/./} now t0 t1 lag behind phase load text row
  local -a status
  while [ ! -e "$OUT/stop" ]; do
    phase=idle
    if [ -f "$OUT/load.pid" ]; then
      pids[${#pids[@]} - 1]=$(cat "$OUT/load.pid")
      text=$(cat "$OUT/load.txt" 2>/dev/null || true)
      case "$text" in
        *"HTTP, offered"*) phase=after ;;
        *"Verdicts in the table before the runs"*) phase=run ;;
        *) phase=warmup ;;
      esac
    fi
    row=
    for k in "${!pids[@]}"; do row+=$'\t'$(cpu_ticks "${pids[$k]}"); done
    t0=${EPOCHREALTIME/./}
    ask "$primary_IN" "$primary_OUT" "SELECT @@gtid_binlog_pos;"
    ask "$replica_IN" "$replica_OUT" "SELECT MASTER_GTID_WAIT('${ANSWER%$'\n'}', 60);"
    t1=${EPOCHREALTIME/./}
    if [ "${ANSWER%$'\n'}" = 0 ]; then lag=$(((t1 - t0) / 1000)).$(printf %03d $(((t1 - t0) % 1000))); else lag=-1; fi
    ask "$replica_IN" "$replica_OUT" 'SHOW SLAVE STATUS;'
    # split at tabs only (read would merge the empty columns between them)
    IFS=$'\x1f' read -r -a status <<< "${ANSWER//$'\t'/$'\x1f'}"
    behind=?
    ((behind_column < 0)) || behind=${status[$behind_column]:-?}
    read -r load _ < /proc/loadavg
    printf '%s\t%s\t%s\t%s\t%s%s\n' "$((t0 / 1000))" "$phase" "$lag" "$behind" "$load" "$row" >> "$OUT/samples.tsv"
    next=$((next + 1000000))
    now=${EPOCHREALTIME/./}
    if ((next > now)); then sleep "$(printf '0.%06d' $((next - now)))"; else next=$now; fi
  done
}

# ---- the run ------------------------------------------------------------------------------------------

sampler &
SAMPLER_PID=$!

java -cp "$CP" org.gateboard.simulator.LoadTool enroll --url "$BALANCER" \
  --admin-password "${BENCH_ADMIN_PASSWORD:-admin123}" --devices "$DEVICES" --tokens-file "$OUT/tokens.txt" \
  | tee "$OUT/enroll.txt"

# idle samples first: the floor of the lag measure, without offered load
sleep 5
echo "Offering $RATE verdicts/s through $BALANCER: $WARMUP s warm-up, then $RUN_SECONDS s measured ..." >&2
# shellcheck disable=SC2086
java ${BENCH_LOAD_JAVA_OPTS:--Xmx1g} -cp "$CP" org.gateboard.simulator.LoadTool load --url "$BALANCER" \
  --tokens-file "$OUT/tokens.txt" --devices "$DEVICES" --batch "$BATCH" --seconds "$RUN_SECONDS" \
  --rate "$RATE" --warmup "$WARMUP" --runs open --rounds 0 \
  --jdbc-url "$PRIMARY" --jdbc-user "$DB_USER" --jdbc-password "$DB_PASSWORD" > "$OUT/load.txt" 2>&1 &
LOAD_PID=$!
echo "$LOAD_PID" > "$OUT/load.pid"
wait "$LOAD_PID" || { cat "$OUT/load.txt"; echo "The load tool failed" >&2; exit 1; }
LOAD_PID=
touch "$OUT/stop"
wait "$SAMPLER_PID" || true
SAMPLER_PID=
rm -f "$OUT"/*.in "$OUT"/*.out "$OUT/stop" "$OUT/load.pid"
grep -v '^Target:' "$OUT/load.txt"

# ---- the summary --------------------------------------------------------------------------------------

RESULT=$(grep '^HTTP, offered' "$OUT/load.txt")
# nearest-rank percentiles of the lag samples taken during the measured run
lags=$(awk -F'\t' 'NR > 1 && $2 == "run" { print ($3 < 0 ? 60000 : $3) }' "$OUT/samples.tsv" | sort -n)
floor=$(awk -F'\t' 'NR > 1 && $2 == "idle" && $3 >= 0 { print $3 }' "$OUT/samples.tsv" | sort -n \
  | awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", v[int((NR + 1) / 2)]; else print "?" }')
pct() {
  awk -v p="$1" 'NF { v[++n] = $1 } END { if (!n) { print "?"; exit } i = int(p * n); if (i < p * n) i++; if (i < 1) i = 1; printf "%.1f", v[i] }' <<< "$lags"
}
{
  echo "== Cluster benchmark: $NODES node(s), commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cluster up took      $up_seconds s"
  echo "offered              $RATE verdicts/s by $DEVICES devices in batches of $BATCH through the balancer, $RUN_SECONDS s measured after $WARMUP s warm-up"
  sed -E 's/^HTTP, offered [0-9]+ verdicts\/s +([0-9]+) verdicts\/s +([0-9]+) requests +p50 +([0-9.]+) ms +p99 +([0-9.]+) ms +max +([0-9.]+) ms +failed ([0-9]+).*/accepted             \1 verdicts\/s (\2 requests, \6 failed)\nrequest latency      p50 \3 ms  p99 \4 ms  max \5 ms (from the scheduled send time)/' <<< "$RESULT"
  echo "replica lag          p50 $(pct 0.5) ms  p99 $(pct 0.99) ms  max $(pct 1) ms ($(awk 'NF' <<< "$lags" | wc -l) samples; idle floor $floor ms); Seconds_Behind_Master max $(awk -F'\t' 'NR > 1 && $2 == "run" && $4 ~ /^[0-9]+$/ { n++; if ($4 > m) m = $4 } END { print n ? m + 0 : "?" }' "$OUT/samples.tsv") s"
  # CPU: ticks from the first to the last sample of the measured run, over its wall time, in % of one core
  awk -F'\t' -v hz="$(getconf CLK_TCK)" '
    NR == 1 { for (i = 6; i <= NF; i++) name[i] = $i; n = NF; next }
    $2 == "run" { if (!first) { first = 1; t0 = $1; for (i = 6; i <= n; i++) a[i] = $i }
                  t1 = $1; for (i = 6; i <= n; i++) b[i] = $i; if ($5 > maxload) maxload = $5 }
    END {
      line = "CPU, % of one core  "
      for (i = 6; i <= n; i++) {
        line = line sprintf(" %s %s", name[i], (t1 > t0 && a[i] != "-" && b[i] != "-") ? sprintf("%.1f", 100 * (b[i] - a[i]) / hz / ((t1 - t0) / 1000)) : "?")
        if (name[i] ~ /^node/ && a[i] != "-" && b[i] != "-" && t1 > t0) nodes += 100 * (b[i] - a[i]) / hz / ((t1 - t0) / 1000)
      }
      print line
      printf "CPU of all nodes     %.0f %% of one core (%d cores here)\n", nodes, '"$(nproc)"'
      printf "load average, 1 min  highest %s during the measured run\n", maxload
    }' "$OUT/samples.tsv"
  echo "load average now     $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "samples              $OUT/samples.tsv"
} | tee "$OUT/summary.txt"
