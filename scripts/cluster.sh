#!/usr/bin/env bash
# Gateboard as a cluster on one machine, from Debian's packages and the production jar:
#
#   scripts/cluster.sh up [N]   a MariaDB primary and a replica following it (GTID replication), Redis (the
#                               machine's at 127.0.0.1:6379 if it answers, else one of its own), N app nodes
#                               (default 2) with the demo data, and HAProxy in front (docker/haproxy.cfg)
#   scripts/cluster.sh down     stops exactly what `up` started, by the process ids it recorded
#
# `up` prints one line per thing it started, for people and scripts alike, e.g.
#   balancer http://127.0.0.1:8080
#   node 1 http://127.0.0.1:8081
#   primary jdbc:mariadb://127.0.0.1:3316/gateboard
# (progress goes to stderr). Everything lives under target/cluster/: data directories, logs, process ids;
# `up` starts from empty databases, `down` leaves the logs. Ports: the first free one from 8080 for the
# balancer, then upwards for the nodes, from 3316 for the databases and 6380 for an own Redis; or set
# GATEBOARD_CLUSTER_PORT, GATEBOARD_CLUSTER_NODE_PORT (the first node's), GATEBOARD_CLUSTER_DB_PORT (the
# primary's; the replica takes the next free one). GATEBOARD_CLUSTER_JAVA_OPTS: options of each node's JVM.
# GATEBOARD_CLUSTER_SIMULATOR=false: node 1 runs no demo gate simulator (benchmarks offer their own load).
# GATEBOARD_CLUSTER_DB_BUFFER_POOL: InnoDB buffer pool of the primary and of the replica (default 256M; a
# benchmark that writes more than that in a run wants the size of its data).
# GATEBOARD_CLUSTER_JAR: the jar the nodes run, as it is (default: the production jar, built when target/ has
# none); the cluster test (ClusterThroughBalancerIT) runs the jar `mvn verify` has just packaged.
# Missing packages (mariadb-server, haproxy, redis-server) are installed with apt-get when run as root.
set -euo pipefail
PATH=$PATH:/usr/sbin:/sbin

cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=$ROOT/target/cluster
PIDS=$DIR/pids
LOGS=$DIR/logs

# progress and errors go to the script's stderr (kept as fd 3, also where a command's own stderr is silenced);
# the servers started in the background do not inherit it (3>&-), so whoever reads that stderr sees it end
# when the script ends
exec 3>&2
say() { echo "$*" >&3; }
die() { say "cluster: $*"; exit 1; }

# is_free PORT: nothing listens on 127.0.0.1:PORT
is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port FROM [TAKEN...]: the first free port from FROM on, other than those already TAKEN by this run
free_port() {
  local port=$1
  shift
  while ! is_free "$port" || [[ " $* " == *" $port "* ]]; do port=$((port + 1)); done
  echo "$port"
}

# need COMMAND PACKAGE: COMMAND is there, or PACKAGE is installed (as root) or named (otherwise)
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing $2 ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >&2
  else
    die "$1 is missing: install the Debian package $2 (apt-get install $2)"
  fi
}

# alive NAME: the process recorded as NAME runs and is still the one we started (its command line names
# target/cluster or the jar), so a reused process id is never taken for ours
alive() {
  local file=$PIDS/$1.pid pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$(cat "$file.mark")"
}

# record NAME PID MARK: remember a process we started, with a word its command line contains
record() { echo "$2" > "$PIDS/$1.pid"; echo "$3" > "$PIDS/$1.pid.mark"; }

# stop NAME: TERM, then up to 60 s for it to end, then KILL
stop() {
  local name=$1 pid
  if alive "$name"; then
    pid=$(cat "$PIDS/$name.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then say "$name did not stop in 60 s: killed"; kill -9 "$pid" 2>/dev/null || true; fi
    say "stopped $name"
  fi
  rm -f "$PIDS/$name.pid" "$PIDS/$name.pid.mark"
}

# wait_until SECONDS WHAT COMMAND...: runs COMMAND every half second until it succeeds
wait_until() {
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "$what not ready after $seconds s (logs in $LOGS)"
}

mariadbd_user() { [ "$(id -u)" = 0 ] && echo root || id -un; }

# sql NAME STATEMENTS: as the database's administrator, over its Unix socket
sql() { mariadb --no-defaults --socket="$DIR/$1/mysqld.sock" -u "$(mariadbd_user)" -N -B -e "$2"; }

# start_db NAME PORT SERVER_ID OPTIONS...: a new data directory and a mariadbd on 127.0.0.1:PORT
start_db() {
  local name=$1 port=$2 id=$3
  shift 3
  # a temporary directory of its own, not the machine's shared /tmp (where an install failed once with "Could
  # not remove temporary table")
  mkdir -p "$DIR/$name/tmp"
  mariadb-install-db --no-defaults --user="$(mariadbd_user)" --datadir="$DIR/$name/data" \
    --tmpdir="$DIR/$name/tmp" --auth-root-authentication-method=socket --skip-test-db \
    > "$LOGS/$name-install.log" 2>&1 \
    || die "mariadb-install-db failed for the $name (see $LOGS/$name-install.log)"
  mariadbd --no-defaults --user="$(mariadbd_user)" --datadir="$DIR/$name/data" --tmpdir="$DIR/$name/tmp" \
    --port="$port" --bind-address=127.0.0.1 --socket="$DIR/$name/mysqld.sock" \
    --pid-file="$DIR/$name/mariadbd.pid" --server-id="$id" --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size="${GATEBOARD_CLUSTER_DB_BUFFER_POOL:-256M}" --max-connections=300 \
    --skip-name-resolve "$@" \
    > "$LOGS/$name.log" 2>&1 3>&- &
  record "$name" $! "$DIR/$name/data"
  wait_until 60 "the $name database" sql "$name" "SELECT 1"
}

secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

up() {
  local nodes=${1:-2}
  [[ "$nodes" =~ ^[1-8]$ ]] || die "up takes a number of app nodes from 1 to 8 (docker/haproxy.cfg names 8)"
  for name in balancer primary replica redis $(seq -f 'node%g' 1 8); do
    if alive "$name"; then die "a cluster is already up (scripts/cluster.sh down first)"; fi
  done
  need mariadbd mariadb-server
  need mariadb mariadb-client
  need haproxy haproxy
  need curl curl
  command -v java >/dev/null || die "java is missing (Java 17)"

  # shellcheck source=bench-lib.sh
  source scripts/bench-lib.sh
  if [ -n "${GATEBOARD_CLUSTER_JAR:-}" ]; then
    JAR=$(realpath "$GATEBOARD_CLUSTER_JAR")
    [ -f "$JAR" ] || die "GATEBOARD_CLUSTER_JAR: no file $GATEBOARD_CLUSTER_JAR"
    say "The jar in GATEBOARD_CLUSTER_JAR ..."
  else
    say "The production jar (built with -Pproduction when target/ has none) ..."
    production_jar
    JAR=$ROOT/$JAR
  fi
  say "  $JAR"

  # a start that fails half-way stops what it had started
  UP_COMPLETE=0
  trap '[ "$UP_COMPLETE" = 1 ] || { say "up did not complete: stopping what it started"; down; }' EXIT

  rm -rf "$DIR/primary" "$DIR/replica" "$DIR/redis" "$LOGS"
  mkdir -p "$PIDS" "$LOGS"
  chmod 700 "$DIR"

  local balancer_port node_port db_port replica_port taken=()
  balancer_port=${GATEBOARD_CLUSTER_PORT:-$(free_port 8080)}
  is_free "$balancer_port" || die "port $balancer_port is taken"
  taken+=("$balancer_port")
  db_port=${GATEBOARD_CLUSTER_DB_PORT:-$(free_port 3316)}
  taken+=("$db_port")
  replica_port=$(free_port $((db_port + 1)) "${taken[@]}")
  taken+=("$replica_port")

  local app_password replication_password
  app_password=$(secret)
  replication_password=$(secret)

  say "MariaDB primary on $db_port ..."
  start_db primary "$db_port" 1 --log-bin=binlog --binlog-format=ROW
  sql primary "CREATE DATABASE gateboard CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER 'gateboard'@'127.0.0.1' IDENTIFIED BY '$app_password';
    GRANT ALL ON gateboard.* TO 'gateboard'@'127.0.0.1';
    CREATE USER 'replication'@'127.0.0.1' IDENTIFIED BY '$replication_password';
    GRANT REPLICATION SLAVE ON *.* TO 'replication'@'127.0.0.1';"

  say "MariaDB replica on $replica_port, following the primary ..."
  # read-only: the app's account (replicated from the primary) may read there, never write. It applies the
  # primary's transactions on 4 threads (optimistic parallel replication): on one thread, as by default, it
  # fell a minute behind a primary taking 5,000 verdicts/s (docs/performance.md)
  start_db replica "$replica_port" 2 --read-only=ON --slave-parallel-threads=4 --slave-parallel-mode=optimistic
  sql replica "SET GLOBAL gtid_slave_pos = '';
    CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = $db_port, MASTER_USER = 'replication',
      MASTER_PASSWORD = '$replication_password', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1;
    START SLAVE;"
  local position
  position=$(sql primary "SELECT @@gtid_binlog_pos")
  [ "$(sql replica "SELECT MASTER_GTID_WAIT('$position', 60)")" = 0 ] \
    || die "the replica did not catch up with the primary (see $LOGS/replica.log)"

  local redis_url
  if command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; then
    redis_url=redis://127.0.0.1:6379
    say "Redis: the machine's, at 127.0.0.1:6379"
  else
    need redis-server redis-server
    local redis_port
    redis_port=$(free_port 6380 "${taken[@]}")
    taken+=("$redis_port")
    mkdir -p "$DIR/redis"
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$DIR/redis" \
      > "$LOGS/redis.log" 2>&1 3>&- &
    record redis $! "$redis_port"
    wait_until 30 "Redis" redis-cli -p "$redis_port" ping
    redis_url=redis://127.0.0.1:$redis_port
  fi

  local ports=() i port
  port=${GATEBOARD_CLUSTER_NODE_PORT:-$((balancer_port + 1))}
  for i in $(seq 1 "$nodes"); do
    port=$(free_port "$port" "${taken[@]}")
    taken+=("$port")
    ports+=("$port")
  done

  # start_node I: one app node; the first seeds the demo data and runs the demo gate simulator (unless
  # GATEBOARD_CLUSTER_SIMULATOR=false)
  start_node() {
    local i=$1 port=${ports[$(($1 - 1))]} simulator=false
    [ "$i" = 1 ] && [ "${GATEBOARD_CLUSTER_SIMULATOR:-true}" != false ] && simulator=true
    # shellcheck disable=SC2086
    PORT=$port GATEBOARD_DB_URL="jdbc:mariadb://127.0.0.1:$db_port/gateboard" GATEBOARD_DB_USER=gateboard \
      GATEBOARD_DB_PASSWORD="$app_password" GATEBOARD_DB_REPLICA_URL="jdbc:mariadb://127.0.0.1:$replica_port/gateboard" \
      SPRING_DATA_REDIS_URL="$redis_url" \
      java ${GATEBOARD_CLUSTER_JAVA_OPTS:--Xmx768m} -jar "$JAR" --gateboard.demo.enabled=true \
      --gateboard.demo.simulator.enabled=$simulator > "$LOGS/node$i.log" 2>&1 3>&- &
    record "node$i" $! "$JAR"
  }
  ready() { curl -fs "http://127.0.0.1:$1/actuator/health/readiness"; }
  # serving NAME PORT: NAME answers ready on PORT; stops the script at once if NAME has exited
  serving() { alive "$1" || die "$1 exited (see $LOGS/$1.log)"; ready "$2"; }

  # one node first: it migrates the schema and makes the demo data, the others then find both there
  say "App node 1 on ${ports[0]} (migrates the schema, makes the demo data) ..."
  start_node 1
  wait_until "${APP_START_SECONDS:-300}" "node 1" serving node1 "${ports[0]}"
  for i in $(seq 2 "$nodes"); do
    say "App node $i on ${ports[$((i - 1))]} ..."
    start_node "$i"
  done
  for i in $(seq 2 "$nodes"); do
    wait_until "${APP_START_SECONDS:-300}" "node $i" serving "node$i" "${ports[$((i - 1))]}"
  done

  say "HAProxy on $balancer_port ..."
  local env=(GATEBOARD_BALANCER_BIND="127.0.0.1:$balancer_port")
  for i in $(seq 1 "$nodes"); do env+=("GATEBOARD_NODE$i=127.0.0.1:${ports[$((i - 1))]}"); done
  env "${env[@]}" haproxy -c -q -f docker/haproxy.cfg || die "docker/haproxy.cfg does not check"
  env "${env[@]}" haproxy -db -f "$ROOT/docker/haproxy.cfg" > "$LOGS/balancer.log" 2>&1 3>&- &
  record balancer $! "$ROOT/docker/haproxy.cfg"
  wait_until 30 "the balancer" serving balancer "$balancer_port"

  cat > "$DIR/cluster.env" <<ENV
BALANCER=http://127.0.0.1:$balancer_port
PRIMARY=jdbc:mariadb://127.0.0.1:$db_port/gateboard
REPLICA=jdbc:mariadb://127.0.0.1:$replica_port/gateboard
DB_USER=gateboard
DB_PASSWORD=$app_password
REDIS=$redis_url
ENV
  chmod 600 "$DIR/cluster.env"

  echo "balancer http://127.0.0.1:$balancer_port"
  for i in $(seq 1 "$nodes"); do echo "node $i http://127.0.0.1:${ports[$((i - 1))]}"; done
  echo "primary jdbc:mariadb://127.0.0.1:$db_port/gateboard"
  echo "replica jdbc:mariadb://127.0.0.1:$replica_port/gateboard"
  echo "redis $redis_url"
  say "Demo logins as in the README (admin/admin123, ...); the database password is in $DIR/cluster.env."
  say "scripts/cluster.sh down stops it all."
  UP_COMPLETE=1
}

down() {
  [ -d "$PIDS" ] || { say "nothing to stop"; return 0; }
  stop balancer
  local i
  for i in 8 7 6 5 4 3 2 1; do stop "node$i"; done
  stop redis
  stop replica
  stop primary
}

case "${1:-}" in
  up) up "${2:-2}" ;;
  down) down ;;
  *) die "usage: scripts/cluster.sh up [N] | down" ;;
esac
