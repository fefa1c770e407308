#!/usr/bin/env bash
# Benchmarks, one case each: ./line111 bench <name> [args]. Not part of ./line111 test.
# Each case builds only its module (and what it needs) and runs a main class from its test sources.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
MVN=(mvn -B -ntp -q)

# Runs a main class from MODULE's test classpath (reactor modules as target/classes, no install needed).
run_test_main() {
  local module="$1" main="$2"; shift 2
  "${MVN[@]}" -o -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -DskipTests >/dev/null
  local cp; cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
  exec java -cp "$cp" "$main" "$@"
}

name="${1:-}"; shift || true
case "$name" in
  ami)
    # AgentConnect on the AMI socket -> screen-pop on a WebSocket: p50/p99 over 10,000 events at 200/s.
    run_test_main ivr ir.line111.ivr.ami.bench.ScreenPopBench "$@" ;;
  *)
    echo "usage: ./line111 bench <case> [args]; cases: ami" >&2
    exit 2 ;;
esac
