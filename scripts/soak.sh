#!/usr/bin/env bash
# Soak and abuse runs, one case per name: ./line111 soak <name> [args]. Not part of ./line111 test.
#   abuse [stalled] [ami-events] [fuzz-sessions]   slowloris against real calls (default 4000 stalled
#        sockets), an AMI flood (default 250,000 events, as 10,000/s for 25 s), fuzzed AGI arguments
#        and environments (default 610 sessions); prints the figures (issue 12).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
MVN=(mvn -B -ntp -q)

# As scripts/bench.sh: a main class from MODULE's test classpath, in a JVM of its own.
run_test_main() {
  local module="$1" main="$2"; shift 2
  "${MVN[@]}" -pl "$module" -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile=target/soak.classpath -Dmdep.includeScope=test -DskipTests >/dev/null
  local cp; cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/soak.classpath")"
  exec java -Xmx1g -Dline111.repo.root="$here" ${SOAK_OPTS:-} -cp "$cp" "$main" "$@"
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
    run_test_main ivr ir.line111.ivr.agi.AbuseSoak "$@" ;;
  *)
    echo "usage: ./line111 soak <name> [args]; names: abuse" >&2
    exit 2 ;;
esac
