#!/usr/bin/env bash
# Installs a real Trino server for the tests that read aesweep's Iceberg tables through it, from
# Maven Central only (no Trino download site):
#   io.trino:trino-server:<version>:tar.gz   the server distribution, unpacked whole
#   org.xerial:sqlite-jdbc                   the driver Trino's Iceberg JDBC catalog needs for the
#                                            SQLite catalog file; Trino ships none, so it goes into
#                                            plugin/iceberg
# and finds a Java that Trino runs on (24 or newer; the project itself stays on 17).
#
# Usage: submit/fetch-trino.sh   Safe to rerun: a complete install is kept, an interrupted one redone.
# stdout: line 1 the Trino home, line 2 the Java home to run it with; progress goes to stderr.
#
# Environment:
#   AESWEEP_CACHE     where the server is unpacked (default $HOME/.cache/aesweep), as trino-server-<version>
#   TRINO_JAVA_HOME   the Java 24+ home to use (default: the newest 24+ under /usr/lib/jvm)
set -euo pipefail

trino_version=476
# The same driver version as the project's catalog (sqlite.jdbc.version in pom.xml).
sqlite_jdbc_version=3.51.1.0
# Trino loads every plugin directory at startup; the tests need only the Iceberg connector, and
# each plugin left out shortens the start.
keep_plugins=(iceberg)
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.6.1
min_java=24

cache_dir=${AESWEEP_CACHE:-$HOME/.cache/aesweep}
trino_home=$cache_dir/trino-server-$trino_version
marker=$trino_home/.aesweep-install-complete

log() { echo "fetch-trino: $*" >&2; }
die() { log "$*"; exit 1; }

# What a complete install holds; a change here (version, driver, plugins) reinstalls.
install_stamp() {
  echo "trino-server $trino_version sqlite-jdbc $sqlite_jdbc_version plugins ${keep_plugins[*]}"
}

# Copies one artifact from Maven Central (through ~/.m2) into directory $2.
maven_copy() {
  local artifact=$1 dir=$2
  # Run outside any project, so Maven does not repeat the goal for each module of a reactor.
  # Maven 3.8 prints colour resets even in batch mode; keep its log plain, and off stdout.
  if ! (cd "$dir" && mvn -B -q -Dstyle.color=never "$dependency_plugin:copy" -Dartifact="$artifact" \
      -DoutputDirectory="$dir" 2>&1) | sed 's/\x1b\[[0-9;]*m//g' >&2; then
    die "Maven could not fetch $artifact (see its output above)"
  fi
}

install_trino() {
  local partial=$trino_home.partial download
  # Leftovers of an install that was killed (we hold the lock, so none is in use).
  rm -rf "$partial" "$cache_dir"/download.*
  download=$(mktemp -d "$cache_dir/download.XXXXXX")
  # shellcheck disable=SC2064  # expand now: the trap must remove this very directory
  trap "rm -rf '$download'" EXIT
  log "fetching io.trino:trino-server:$trino_version:tar.gz and sqlite-jdbc $sqlite_jdbc_version (Maven)"
  maven_copy "io.trino:trino-server:$trino_version:tar.gz" "$download"
  maven_copy "org.xerial:sqlite-jdbc:$sqlite_jdbc_version" "$download"

  # The whole archive: many plugin jars are stored as hard links to a copy in another plugin's
  # directory, so unpacking one plugin alone leaves its linked jars out.
  log "unpacking into $trino_home"
  mkdir -p "$partial"
  tar -xzf "$download/trino-server-$trino_version.tar.gz" -C "$partial" --strip-components=1
  rm -f "$download/trino-server-$trino_version.tar.gz"
  [[ -x $partial/bin/launcher && -d $partial/lib && -d $partial/plugin/iceberg ]] \
    || die "trino-server-$trino_version.tar.gz did not hold bin/launcher, lib/ and plugin/iceberg"

  # Now that every link is unpacked, removing a directory cannot break the jars the kept ones
  # share with it: a hard link keeps the file's data.
  local dir
  for dir in "$partial"/plugin/*/; do
    if [[ " ${keep_plugins[*]} " != *" $(basename "$dir") "* ]]; then
      rm -rf "$dir"
    fi
  done
  cp "$download/sqlite-jdbc-$sqlite_jdbc_version.jar" "$partial/plugin/iceberg/"
  install_stamp > "$partial/$(basename "$marker")"
  rm -rf "$trino_home"
  mv "$partial" "$trino_home"
  rm -rf "$download"
  trap - EXIT
  log "installed Trino $trino_version, $(du -sh "$trino_home" | cut -f1)"
}

# The major version of the Java at home $1, from its release file (no JVM start), else 0.
java_major() {
  local release=$1/release version
  [[ -x $1/bin/java && -f $release ]] || { echo 0; return; }
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  echo "${version:-0}"
}

find_java() {
  if [[ -n ${TRINO_JAVA_HOME:-} ]]; then
    local major
    major=$(java_major "$TRINO_JAVA_HOME")
    ((major >= min_java)) || die "TRINO_JAVA_HOME=$TRINO_JAVA_HOME is not a Java $min_java+ home (found major version $major)"
    echo "$TRINO_JAVA_HOME"
    return
  fi
  local best= best_major=0 home major
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    [[ -L $home ]] && continue
    major=$(java_major "$home")
    if ((major >= min_java && major > best_major)); then
      best=$home
      best_major=$major
    fi
  done
  [[ -n $best ]] || die "Trino $trino_version needs Java $min_java or newer and none is under /usr/lib/jvm: install a JDK $min_java+ (e.g. Temurin 25) and/or set TRINO_JAVA_HOME to its home"
  echo "$best"
}

java_home=$(find_java)
mkdir -p "$cache_dir"
# One install at a time: a second caller waits, then finds it complete.
exec 9> "$cache_dir/trino-server-$trino_version.lock"
flock 9
if [[ -f $marker && $(cat "$marker") == "$(install_stamp)" ]]; then
  log "Trino $trino_version already in $trino_home"
else
  install_trino
fi
log "Trino runs on Java $(java_major "$java_home") at $java_home"
echo "$trino_home"
echo "$java_home"
