#!/usr/bin/env bash
# A real Spark 3.5.7 standalone cluster on this machine, built from Maven Central (no Spark download):
# one Master and N Workers as separate JVMs, bound to 127.0.0.1 only. For integration tests and for
# trying the jobs on a cluster without having one.
#
#   submit/spark-cluster.sh assemble [SPARK_HOME_DIR]   build the Spark home (jars/, conf/), print its path
#   submit/spark-cluster.sh start [--workers N] [--cores C] [--memory M] [--fake-gpus]
#                                                       start Master + N Workers; last stdout line = master URL
#   submit/spark-cluster.sh status                      master URL and alive workers (exit 3: not running)
#   submit/spark-cluster.sh submit <spark-submit args>  run SparkSubmit (client mode) against it
#   submit/spark-cluster.sh stop                        stop everything start started, and drivers that
#                                                       submit started against it (safe to repeat)
#
# start: N defaults to 2; C (cores per Worker) to max(1, cores of this machine / N); M (memory a Worker
# may give its executors, e.g. 4g) to 4g. --fake-gpus makes Worker i (0-based) advertise one GPU with
# address "i" through Spark's resource discovery (submit/gpu-discovery.sh), so GPU scheduling can be
# tested without GPUs. Only stdout's last line is meant for programs; progress goes to stderr.
#
# Environment:
#   AESWEEP_SPARK_HOME        the Spark home to build and run (default <repo>/target/spark-home)
#   AESWEEP_CLUSTER_STATE     PID files, logs, Worker work dirs (default <spark home>/../spark-cluster-state)
#   AESWEEP_MASTER_PORT       Master RPC port (default 0: a free one)
#   AESWEEP_MASTER_WEBUI_PORT Master web UI port (default 0: a free one); Workers' UIs always take free ones
#   AESWEEP_DAEMON_MEMORY     heap of the Master and Worker JVMs (default 512m)
#   AESWEEP_CLUSTER_TIMEOUT   seconds to wait for the Master and Workers (default 120)
#   AESWEEP_STOP_TIMEOUT      seconds stop waits after SIGTERM before SIGKILL (default 30)
#   AESWEEP_DRIVER_JAVA_OPTS  extra JVM flags for `submit`'s driver JVM (its -Xmx comes from
#                             --driver-memory / spark.driver.memory, as with spark-submit)
#   (status, submit and stop must see the same AESWEEP_SPARK_HOME / AESWEEP_CLUSTER_STATE as start)
#   SPARK_HOME                for `submit` only: a real Spark distribution with bin/spark-submit is used
#                             instead of the assembled one
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
spark_version=3.5.7
scala_binary=2.12
pom=$repo_root/submit/spark-home/pom.xml
opens_file=$repo_root/conf/java17-opens.options
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

log() { echo "spark-cluster: $*" >&2; }
die() { log "$*"; exit 1; }

abs_path() { # absolute path of $1, which need not exist yet
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

spark_home=$(abs_path "${AESWEEP_SPARK_HOME:-$repo_root/target/spark-home}")

state_dir() {
  abs_path "${AESWEEP_CLUSTER_STATE:-$(dirname "$spark_home")/spark-cluster-state}"
}

# ---------------------------------------------------------------------------------------- assemble

# The marker holds a checksum of the POM: a changed POM (other Spark version) rebuilds jars/.
assembly_stamp() {
  echo "spark $spark_version scala $scala_binary pom $(sha256sum "$pom" | cut -d' ' -f1)"
}

assemble() {
  local home=$1 marker=$1/.jars-complete stamp
  stamp=$(assembly_stamp)
  if [[ -f $marker && $(cat "$marker") == "$stamp" && -d $home/jars ]]; then
    log "Spark home $home is complete"
  else
    log "assembling Spark $spark_version jars into $home/jars (Maven, from $pom)"
    mkdir -p "$home"
    rm -f "$marker"
    rm -rf "$home/jars.partial"
    # Maven 3.8 prints colour resets even in batch mode; keep its log plain, and off stdout.
    mvn -B -q -Dstyle.color=never -f "$pom" -Dspark.home.jars="$home/jars.partial" dependency:copy-dependencies 2>&1 \
      | sed 's/\x1b\[[0-9;]*m//g' >&2 \
      || die "Maven could not assemble the Spark jars (see its output above)"
    local jar
    for jar in spark-core_$scala_binary-$spark_version.jar log4j-core-*.jar log4j-slf4j2-impl-*.jar \
        hadoop-client-api-*.jar hadoop-client-runtime-*.jar spark-mllib_$scala_binary-$spark_version.jar; do
      compgen -G "$home/jars.partial/$jar" >/dev/null || die "assembled jars lack $jar"
    done
    rm -rf "$home/jars"
    mv "$home/jars.partial" "$home/jars"
    echo "$stamp" > "$marker"
    log "assembled $(find "$home/jars" -name '*.jar' | wc -l) jars, $(du -sh "$home/jars" | cut -f1)"
  fi
  write_conf "$home"
}

# Copies $1 to $2 unless $2 already has that content (running JVMs may read it).
install_file() {
  if ! cmp -s "$1" "$2" 2>/dev/null; then
    cp "$1" "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
  fi
}

write_conf() {
  local home=$1 tmp
  mkdir -p "$home/conf"
  # Nothing reads it: it says where this home came from, as a distribution's RELEASE does.
  [[ -f $home/RELEASE ]] || echo "Spark $spark_version (Scala $scala_binary) jars from Maven Central, assembled by aesweep's submit/spark-cluster.sh" > "$home/RELEASE"
  # No log4j2.properties, as in a distribution: executors log Spark's INFO defaults into the Workers'
  # work/ directories, and aesweep's jobs quiet their own driver unless --verbose (JobLogging).
  rm -f "$home/conf/log4j2.properties"
  # Master and Workers: WARN, but their deploy messages at INFO (start reads the bound ports from them).
  tmp=$(mktemp)
  cat > "$tmp" <<'EOF'
# Written by submit/spark-cluster.sh for the standalone Master and Worker JVMs.
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
EOF
  install_file "$tmp" "$home/conf/log4j2-daemon.properties"
  rm -f "$tmp"
}

# ------------------------------------------------------------------------------- process handling

# A PID file's process, if it is still the JVM we started (its command line names $2).
live_pid() {
  local pid_file=$1 expect=$2 pid
  [[ -f $pid_file ]] || return 1
  pid=$(cat "$pid_file" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  running "$pid" || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$expect" || return 1
  fi
  echo "$pid"
}

# Starts a daemon JVM detached from this shell (own session, stdio to its log), recording its PID.
launch() {
  local pid_file=$1 log_file=$2
  shift 2
  rm -f "$pid_file"
  if command -v setsid >/dev/null 2>&1; then
    # The child writes its own PID before exec'ing java, whether or not setsid forked.
    # fd 9 (start's lock) must not stay open in the daemons.
    # shellcheck disable=SC2016  # $$ and $@ belong to the inner shell
    setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pid_file" "$@" < /dev/null > "$log_file" 2>&1 9>&- &
  else
    # shellcheck disable=SC2016
    bash -c 'echo $$ > "$0"; exec "$@"' "$pid_file" "$@" < /dev/null > "$log_file" 2>&1 9>&- &
  fi
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s $pid_file ]] && return 0
    sleep 0.1
  done
  die "could not start $*"
}

running() { # $1 exists and is not a zombie
  kill -0 "$1" 2>/dev/null || return 1
  [[ ! -r /proc/$1/stat ]] || [[ $(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) != Z ]]
}

# Kills PIDs with TERM, waits up to AESWEEP_STOP_TIMEOUT seconds (default 30), then KILL.
kill_pids() {
  (($# > 0)) || return 0
  local pid deadline remaining
  kill -TERM "$@" 2>/dev/null || true
  deadline=$((SECONDS + ${AESWEEP_STOP_TIMEOUT:-30}))
  while :; do
    remaining=()
    for pid in "$@"; do
      running "$pid" && remaining+=("$pid")
    done
    ((${#remaining[@]} == 0)) && return 0
    if ((SECONDS >= deadline)); then
      log "still running after ${AESWEEP_STOP_TIMEOUT:-30}s, killing: ${remaining[*]}"
      kill -KILL "${remaining[@]}" 2>/dev/null || true
      return 0
    fi
    sleep 0.2
  done
}

# Daemons of this state dir (by the marker property start gives them) whose PID file is gone,
# e.g. after `mvn clean` removed target/ under a running cluster (Linux /proc only).
marked_daemons() {
  local state=$1 class=$2 p
  [[ -d /proc/self ]] || return 0
  for p in /proc/[0-9]*; do
    tr '\0' '\n' < "$p/cmdline" 2>/dev/null | grep -qxF -- "-Daesweep.cluster.state=$state" || continue
    tr '\0' '\n' < "$p/cmdline" 2>/dev/null | grep -qxF -- "$class" || continue
    echo "${p#/proc/}"
  done
}

# Executors our Workers launched that outlived them: processes whose working directory lies in a
# Worker's work dir (Linux /proc only).
orphan_executors() {
  local state=$1 p cwd
  [[ -d /proc/self ]] || return 0
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    [[ $cwd == "$state"/worker-*/* ]] || continue
    tr '\0' ' ' < "$p/cmdline" 2>/dev/null | grep -qF CoarseGrainedExecutorBackend || continue
    echo "${p#/proc/}"
  done
}

info_get() { # value of KEY in the cluster info file
  local file=$1 key=$2
  [[ -f $file ]] || return 1
  sed -n "s/^$key=//p" "$file" | tail -n 1
}

master_json() {
  curl -fsS --max-time 5 "http://127.0.0.1:$1/json/" 2>/dev/null
}

json_int() { # first integer value of "key" in JSON text on stdin
  grep -o "\"$1\" *: *[0-9]*" | head -n 1 | grep -o '[0-9]*$'
}

with_lock() {
  local state=$1
  mkdir -p "$state"
  if command -v flock >/dev/null 2>&1; then
    exec 9> "$state/.lock"
    flock -w 300 9 || die "another spark-cluster.sh holds $state/.lock"
  fi
}

# ------------------------------------------------------------------------------------------- start

start() {
  local workers=2 cores='' memory=4g fake_gpus=0
  while (($# > 0)); do
    case $1 in
      --workers) workers=${2:?--workers needs a number}; shift 2 ;;
      --workers=*) workers=${1#*=}; shift ;;
      --cores) cores=${2:?--cores needs a number}; shift 2 ;;
      --cores=*) cores=${1#*=}; shift ;;
      --memory) memory=${2:?--memory needs a size such as 4g}; shift 2 ;;
      --memory=*) memory=${1#*=}; shift ;;
      --fake-gpus) fake_gpus=1; shift ;;
      *) die "start: unknown option $1 (expected --workers N, --cores C, --memory M, --fake-gpus)" ;;
    esac
  done
  [[ $workers =~ ^[1-9][0-9]*$ ]] || die "start: --workers must be a positive number, not $workers"
  if [[ -z $cores ]]; then
    cores=$(($(nproc 2>/dev/null || echo 2) / workers))
    ((cores >= 1)) || cores=1
  fi
  [[ $cores =~ ^[1-9][0-9]*$ ]] || die "start: --cores must be a positive number, not $cores"
  [[ $memory =~ ^[0-9]+[kKmMgGtT]?$ ]] || die "start: --memory must be a size such as 2g, not $memory"
  command -v curl >/dev/null 2>&1 || die "start needs curl (it polls the Master's web UI)"
  [[ -f $opens_file ]] || die "missing $opens_file"

  local state info options stopped
  state=$(state_dir)
  with_lock "$state"
  info=$state/cluster.info
  options="workers=$workers cores=$cores memory=$memory fake_gpus=$fake_gpus"

  local master_pid url
  if master_pid=$(live_pid "$state/master.pid" org.apache.spark.deploy.master.Master); then
    url=$(info_get "$info" url || true)
    if [[ -n $url && $(info_get "$info" options || true) == "$options" ]]; then
      log "already running (Master PID $master_pid, $options)"
      echo "$url"
      return 0
    fi
    die "a cluster with other options is running (${url:-?}, $(info_get "$info" options || echo '?')); run stop first"
  fi
  stop_cluster "$state" quiet
  # Work dirs of the previous cluster: its executors' logs and a copy of every application jar
  # per executor (aesweep's is 170 MB), kept until now for a look after stop.
  rm -rf "$state"/worker-[0-9]*

  assemble "$spark_home"

  local timeout=${AESWEEP_CLUSTER_TIMEOUT:-120} deadline
  deadline=$((SECONDS + timeout))
  local daemon_opts=(
    "-Xmx${AESWEEP_DAEMON_MEMORY:-512m}" "@$opens_file"
    "-Daesweep.cluster.state=$state" # lets stop find them without PID files
    "-Dlog4j2.configurationFile=$spark_home/conf/log4j2-daemon.properties"
    -cp "$spark_home/conf:$spark_home/jars/*"
  )
  # Workers build executor command lines with Spark's launcher code, which takes the jars from
  # $SPARK_HOME/jars but fails ("Cannot find any build directories") without SPARK_SCALA_VERSION.
  export SPARK_HOME=$spark_home SPARK_SCALA_VERSION=$scala_binary SPARK_LOCAL_IP=127.0.0.1
  export SPARK_CONF_DIR=$spark_home/conf
  # Executors inherit the Workers' environment: ND4J's OpenMP threads sleep between ops.
  export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
  unset SPARK_PUBLIC_DNS SPARK_LOCAL_HOSTNAME || true

  mkdir -p "$state/logs"
  : > "$state/master.properties"
  log "starting Master (logs in $state/logs)"
  launch "$state/master.pid" "$state/logs/master.log" "$java_cmd" "${daemon_opts[@]}" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "${AESWEEP_MASTER_PORT:-0}" \
    --webui-port "${AESWEEP_MASTER_WEBUI_PORT:-0}" --properties-file "$state/master.properties"

  # The Master logs "Starting Spark master at spark://..." and "Bound MasterWebUI to ..., and started at http://...:PORT".
  local webui=''
  url=''
  while [[ -z $url || -z $webui ]]; do
    live_pid "$state/master.pid" org.apache.spark.deploy.master.Master >/dev/null \
      || { tail -n 30 "$state/logs/master.log" >&2; stop_cluster "$state" quiet; die "the Master exited"; }
    ((SECONDS < deadline)) || { stop_cluster "$state" quiet; die "the Master did not start within ${timeout}s (see $state/logs/master.log)"; }
    sleep 0.5
    url=$(grep -o 'Starting Spark master at spark://[^ ]*' "$state/logs/master.log" | head -n 1 | sed 's/.* at //' || true)
    webui=$(grep -o 'Bound MasterWebUI to .*started at https\?://[^ ]*' "$state/logs/master.log" | head -n 1 \
      | sed 's/.*:\([0-9][0-9]*\)\/*$/\1/' || true)
  done
  log "Master at $url, web UI http://127.0.0.1:$webui"

  local i wdir
  for ((i = 0; i < workers; i++)); do
    wdir=$state/worker-$i
    mkdir -p "$wdir/work" "$wdir/local"
    {
      echo "# Written by submit/spark-cluster.sh start"
      if ((fake_gpus)); then
        echo "spark.worker.resource.gpu.amount 1"
        echo "spark.worker.resource.gpu.discoveryScript $repo_root/submit/gpu-discovery.sh"
      fi
    } > "$wdir/worker.properties"
    if ((fake_gpus)); then export AESWEEP_FAKE_GPU_ADDRESSES=$i; else unset AESWEEP_FAKE_GPU_ADDRESSES; fi
    export SPARK_LOCAL_DIRS=$wdir/local # executors' scratch space (shuffle, blocks)
    launch "$state/worker-$i.pid" "$state/logs/worker-$i.log" \
      "$java_cmd" "${daemon_opts[@]}" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --port 0 --webui-port 0 --cores "$cores" --memory "$memory" \
      --work-dir "$wdir/work" --properties-file "$wdir/worker.properties" "$url"
  done
  unset AESWEEP_FAKE_GPU_ADDRESSES SPARK_LOCAL_DIRS

  {
    echo "url=$url"
    echo "webui_port=$webui"
    echo "workers=$workers"
    echo "options=$options"
    echo "spark_home=$spark_home"
  } > "$info.partial"
  mv "$info.partial" "$info"

  log "waiting for $workers Worker(s) ($cores core(s), $memory each$( ((fake_gpus)) && echo ', one fake GPU each'))"
  local alive=0 json gpus
  while :; do
    for ((i = 0; i < workers; i++)); do
      live_pid "$state/worker-$i.pid" org.apache.spark.deploy.worker.Worker >/dev/null || {
        tail -n 30 "$state/logs/worker-$i.log" >&2
        stop_cluster "$state" quiet
        die "Worker $i exited"
      }
    done
    json=$(master_json "$webui" || true)
    alive=$(json_int aliveworkers <<< "$json" || true)
    if [[ ${alive:-0} -ge $workers ]]; then
      ((fake_gpus)) || break
      gpus=$(grep -o '"gpu" *: *{' <<< "$json" | wc -l || true)
      ((gpus >= workers)) && break
    fi
    ((SECONDS < deadline)) || { stop_cluster "$state" quiet; die "only ${alive:-0} of $workers Workers came up within ${timeout}s (see $state/logs)"; }
    sleep 0.5
  done
  log "$workers Worker(s) ALIVE; stop with: $0 stop"
  echo "$url"
}

# -------------------------------------------------------------------------------------------- stop

# Stops what start started in $1 (quietly with a second argument); sets stopped to the number of JVMs.
stop_cluster() {
  local state=$1 quiet=${2:-} pids=() pid f
  stopped=0
  # Drivers that `submit` started against this cluster would wait for it forever once it is gone.
  for f in "$state"/drivers/*.pid; do
    [[ -e $f ]] || continue
    pid=$(live_pid "$f" org.apache.spark.deploy.SparkSubmit) && pids+=("$pid")
  done
  if ((${#pids[@]} > 0)); then
    [[ -n $quiet ]] || log "stopping driver(s) submitted to this cluster: ${pids[*]}"
    kill_pids "${pids[@]}"
    stopped=$((stopped + ${#pids[@]}))
  fi
  rm -rf "$state/drivers"
  pids=()
  for f in "$state"/worker-*.pid; do
    [[ -e $f ]] || continue
    pid=$(live_pid "$f" org.apache.spark.deploy.worker.Worker) && pids+=("$pid")
  done
  for pid in $(marked_daemons "$state" org.apache.spark.deploy.worker.Worker); do
    [[ " ${pids[*]} " == *" $pid "* ]] || pids+=("$pid")
  done
  # Workers first: they stop their executors, and leave the Master with nothing to reschedule.
  if ((${#pids[@]} > 0)); then
    [[ -n $quiet ]] || log "stopping ${#pids[@]} Worker(s): ${pids[*]}"
    kill_pids "${pids[@]}"
    stopped=$((stopped + ${#pids[@]}))
  fi
  pids=()
  pid=$(live_pid "$state/master.pid" org.apache.spark.deploy.master.Master) && pids+=("$pid")
  for pid in $(marked_daemons "$state" org.apache.spark.deploy.master.Master); do
    [[ " ${pids[*]} " == *" $pid "* ]] || pids+=("$pid")
  done
  if ((${#pids[@]} > 0)); then
    [[ -n $quiet ]] || log "stopping Master: ${pids[*]}"
    kill_pids "${pids[@]}"
    stopped=$((stopped + ${#pids[@]}))
  fi
  mapfile -t pids < <(orphan_executors "$state")
  if ((${#pids[@]} > 0)); then
    [[ -n $quiet ]] || log "stopping leftover executor(s): ${pids[*]}"
    kill_pids "${pids[@]}"
    stopped=$((stopped + ${#pids[@]}))
  fi
  rm -f "$state"/master.pid "$state"/worker-*.pid "$state/cluster.info"
}

stop() {
  (($# == 0)) || die "stop takes no arguments"
  local state stopped
  state=$(state_dir)
  # Without the state dir (removed under a running cluster) its daemons can still be found.
  [[ ! -d $state ]] || with_lock "$state"
  stop_cluster "$state"
  if ((stopped > 0)); then log "stopped"; else log "not running"; fi
}

# ------------------------------------------------------------------------------------------ status

status() {
  local state info url webui workers json alive
  state=$(state_dir)
  info=$state/cluster.info
  if ! live_pid "$state/master.pid" org.apache.spark.deploy.master.Master >/dev/null; then
    echo "not running"
    return 3
  fi
  url=$(info_get "$info" url || true)
  webui=$(info_get "$info" webui_port || true)
  workers=$(info_get "$info" workers || true)
  json=$(master_json "$webui" || true)
  alive=$(json_int aliveworkers <<< "$json" || true)
  echo "master: $url"
  echo "web UI: http://127.0.0.1:$webui"
  echo "workers alive: ${alive:-?} of ${workers:-?}"
  echo "state: $state"
}

# ------------------------------------------------------------------------------------------ submit

# What `submit` needs from spark-submit's options (those before the application jar): the driver's
# heap, as spark-submit would set it (--driver-memory, --conf spark.driver.memory=, the properties
# file, SPARK_DRIVER_MEMORY, else Spark's default 1g), and the master URL.
scan_submit_args() {
  submit_memory='' submit_master=''
  local props='' opt value
  while (($# > 0)); do
    opt=$1
    case $opt in
      --verbose | -v | --supervise | --help | -h | --version | --usage-error) shift; continue ;;
      --*=*) value=${opt#*=}; opt=${opt%%=*}; shift ;;
      -*) value=${2:-}; shift $(($# >= 2 ? 2 : 1)) ;;
      *) break ;; # the application jar; the rest belongs to the application
    esac
    case $opt in
      --driver-memory) submit_memory=$value ;;
      --conf | -c) [[ $value == spark.driver.memory=* ]] && submit_memory=${value#*=} ;;
      --properties-file) props=$value ;;
      --master) submit_master=$value ;;
    esac
  done
  if [[ -z $submit_memory && -n $props && -f $props ]]; then
    submit_memory=$(sed -n 's/^[[:space:]]*spark\.driver\.memory[[:space:]=:]\{1,\}\([^[:space:]]*\).*/\1/p' "$props" | tail -n 1)
  fi
  submit_memory=${submit_memory:-${SPARK_DRIVER_MEMORY:-1g}}
}

submit() {
  if [[ -n ${SPARK_HOME:-} && -x $SPARK_HOME/bin/spark-submit && $SPARK_HOME != "$spark_home" ]]; then
    log "using $SPARK_HOME/bin/spark-submit"
    exec "$SPARK_HOME/bin/spark-submit" "$@"
  fi
  assemble "$spark_home"
  local submit_memory submit_master
  scan_submit_args "$@"
  # A driver for a cluster on 127.0.0.1 must listen there too.
  if [[ $submit_master =~ ^(local|spark://(127\.0\.0\.1|localhost)(:|$)) ]]; then
    export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
  fi
  # Remember drivers of this script's own cluster, so that stop can end them too.
  local state
  state=$(state_dir)
  if [[ -n $submit_master && $submit_master == "$(info_get "$state/cluster.info" url 2>/dev/null || true)" ]]; then
    mkdir -p "$state/drivers"
    local f
    for f in "$state"/drivers/*.pid; do
      [[ -e $f ]] && ! live_pid "$f" org.apache.spark.deploy.SparkSubmit >/dev/null && rm -f "$f"
    done
    echo $$ > "$state/drivers/$$.pid"
  fi
  export SPARK_HOME=$spark_home SPARK_SCALA_VERSION=$scala_binary
  export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
  local extra=()
  # shellcheck disable=SC2206  # AESWEEP_DRIVER_JAVA_OPTS is a list of flags
  [[ -n ${AESWEEP_DRIVER_JAVA_OPTS:-} ]] && extra=(${AESWEEP_DRIVER_JAVA_OPTS})
  exec "$java_cmd" "-Xmx$submit_memory" "@$opens_file" -Djava.awt.headless=true "${extra[@]}" \
    -cp "$spark_home/conf:$spark_home/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
}

# -------------------------------------------------------------------------------------------- main

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

command=${1:-}
[[ $# -gt 0 ]] && shift
case $command in
  assemble)
    (($# <= 1)) || die "usage: spark-cluster.sh assemble [SPARK_HOME_DIR]"
    [[ $# -eq 1 ]] && spark_home=$(abs_path "$1")
    assemble "$spark_home"
    echo "$spark_home"
    ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  submit) submit "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
