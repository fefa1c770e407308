#!/usr/bin/env bash
# Benchmarks, one case per name: ./line111 bench <name>. Each module adds its own case below.
# Benchmarks are not part of ./line111 test. Results also go to bench-results/ (not in git).
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=(mvn -B -ntp -q -o)

name="${1:-}"
shift || true
case "$name" in
  cases)
    # Case registration, ORM against plain JDBC, on H2 and PostgreSQL at 1/4/16 registrars.
    # Forks a JVM with the full JIT (Maven's own runs with C1 only, see .mvn/jvm.config).
    "${MVN[@]}" -pl core test-compile org.codehaus.mojo:exec-maven-plugin:3.6.2:exec -Dexec.classpathScope=test -Dexec.executable=java \
      "-Dexec.args=-Xmx1g -Dline111.repo.root=$PWD ${BENCH_OPTS:-} -cp %classpath ir.line111.core.bench.CaseRegistrationBench" ;;
  recordings)
    # With LINE111_VOSK_MODEL: utterance end -> recognised ID p50/p95 and batch decoding with 1 vs 2
    # decoders. Always: worker-process round trip, store adoption, job-queue claims/s with 1 and 2 workers.
    "${MVN[@]}" -pl recordings -am -Pbench-recordings -Dmaven.test.skip.exec=true test-compile ;;
  *)
    echo "usage: ./line111 bench <name>; names: cases recordings" >&2
    exit 2 ;;
esac
