#!/usr/bin/env bash
# Benchmarks, one case per name: ./line111 bench <name> [args]. Not part of ./line111 test.
# Each case builds only its module (and what it needs) and prints ratios measured side by side in one
# run (the machine is shared and noisy). Results also go to bench-results/ where a case writes them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
MVN=(mvn -B -ntp -q)

# Runs a main class from MODULE's test classpath (reactor modules as target/classes, no install needed),
# in a JVM of its own with the full JIT (Maven's own runs with C1 only, see .mvn/jvm.config).
run_test_main() {
  local module="$1" main="$2"; shift 2
  "${MVN[@]}" -pl "$module" -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test -DskipTests >/dev/null
  local cp; cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
  exec java -Xmx1g -Dline111.repo.root="$here" ${BENCH_OPTS:-} -cp "$cp" "$main" "$@"
}

name="${1:-}"
shift || true
case "$name" in
  cases)
    # Case registration, ORM against plain JDBC, on H2 and PostgreSQL at 1/4/16 registrars.
    run_test_main core ir.line111.core.bench.CaseRegistrationBench "$@" ;;
  ivr)
    # N concurrent calls (default 2000) through the whole message flow, and the answer+hangup floor.
    # "ivr think [calls]": the backend's think time per command (Asterisk's reply -> next command) at
    # 120 calls, message and follow-up, cold and warm (LINE111_BENCH_STARTUP_WARM=off: no start-up warm-up),
    # beside the backend's own time per command; LINE111_BENCH_A_OPTS / LINE111_BENCH_B_OPTS: the JVM options
    # of two backends measured side by side in one run (e.g. A=-XX:+UseG1GC B=-XX:+UseZGC), with B/A ratios.
    run_test_main ivr ir.line111.ivr.bench.IvrBench "$@" ;;
  ami)
    # AgentConnect on the AMI socket -> screen-pop on a WebSocket: p50/p99 over 10,000 events at 200/s.
    run_test_main ivr ir.line111.ivr.ami.bench.ScreenPopBench "$@" ;;
  recordings)
    # With LINE111_VOSK_MODEL: utterance end -> recognised ID p50/p95 and batch decoding with 1 vs 2
    # decoders. Always: worker-process round trip, store adoption, job-queue claims/s with 1 and 2 workers.
    run_test_main recordings ir.line111.recordings.bench.RecordingsBench "$@" ;;
  console)
    # Case search by national ID and by tracking code with 1,000,000 cases in PostgreSQL (COPY-loaded
    # once into schema bench_console), p50/p99 at 50 connections from wrk, beside the server's floor.
    # Args: [cases] [seconds per run] [connections].
    if ! command -v wrk >/dev/null; then
      if [ "$(id -u)" = 0 ]; then
        apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
      else echo "bench console: needs wrk (apt-get install wrk)" >&2; exit 1; fi
    fi
    scripts/test-prerequisites.sh
    run_test_main agent-console ir.line111.console.bench.ConsoleBench "$@" ;;
  signin)
    # Calls' per-command server time alone and during N parallel sign-ins with the real bcrypt cost
    # (the bounded password-check pool). Args: [parallel sign-ins, default 32] [call lines, default 2].
    run_test_main app ir.line111.app.bench.SignInFloodBench "$@" ;;
  cluster)
    # On one PostgreSQL: CPU per FastAGI call of a node alone and in a two-node cluster (child JVM, its
    # own CPU time), and AgentConnect -> screen-pop on the AMI node and across nodes, p50/p99.
    # Args: [calls, default 200] [pops, default 500].
    scripts/test-prerequisites.sh
    run_test_main app ir.line111.app.faults.ClusterBench "$@" ;;
  *)
    echo "usage: ./line111 bench <name> [args]; names: cases ivr ami recordings console signin cluster" >&2
    exit 2 ;;
esac
