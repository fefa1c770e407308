#!/usr/bin/env bash
# Soak and abuse runs, one case per name: ./line111 soak <name> [args]. Not part of ./line111 test.
#   abuse [stalled] [ami-events] [fuzz-sessions]   slowloris against real calls (default 4000 stalled
#        sockets), an AMI flood (default 250,000 events, as 10,000/s for 25 s), fuzzed AGI arguments
#        and environments (default 610 sessions); prints the figures (issue 12).
#   faults [kills] [outage-seconds] [outage-calls]   kill -9 loop on H2 and a PostgreSQL outage with calls
#        (defaults 200, 60, 30); prints calls, codes heard, heard twice, codes with no case, messages with no
#        case, duplicates (issue 11). The backend runs in a child JVM from the app's test classpath; the
#        PostgreSQL run starts its own throwaway cluster with initdb on a free loopback port.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
MVN=(mvn -B -ntp -q)

# The test classpath of MODULE (reactor modules as target/classes, no install needed), in $cp.
test_classpath() {
  local module="$1"
  "${MVN[@]}" -pl "$module" -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile=target/soak.classpath -Dmdep.includeScope=test -DskipTests >/dev/null
  cp="$here/$module/target/test-classes:$here/$module/target/classes:$(cat "$module/target/soak.classpath")"
}

name="${1:-}"
shift || true
case "$name" in
  abuse)
    # Each stalled socket is two file descriptors in this one process (client and server side).
    need=$(( ${1:-4000} * 2 + 1000 ))
    if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
      ulimit -n "$need" 2>/dev/null || { echo "soak abuse: needs $need open files (ulimit -n is $(ulimit -n))" >&2; exit 1; }
    fi
    test_classpath ivr
    exec java -Xmx1g -Dline111.repo.root="$here" ${SOAK_OPTS:-} -cp "$cp" ir.line111.ivr.agi.AbuseSoak "$@" ;;
  faults)
    test_classpath app
    # The child backends find their logging config and class-data archive under app/target.
    cd app
    exec java -Xmx512m -Dline111.repo.root="$here" -Dsurefire.test.class.path="$cp" -cp "$cp" ir.line111.app.faults.FaultSoak "$@" ;;
  *)
    echo "usage: ./line111 soak <name> [args]; names: abuse, faults" >&2
    exit 2 ;;
esac
