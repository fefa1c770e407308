#!/usr/bin/env bash
# Benchmarks, one case per name: ./line111 bench <name> [args]. Not part of ./line111 test.
# Each case builds what it needs and prints ratios measured side by side in one run (the machine is
# shared and noisy).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MVN=(mvn -B -ntp -q)

name="${1:-}"
shift || true
case "$name" in
  console)
    # Case search by national ID and by tracking code with 1,000,000 cases in PostgreSQL (loaded once
    # into schema bench_console), p50/p99 at 50 connections from wrk, beside the server's floor.
    # Args: [cases] [seconds per run] [connections].
    if ! command -v wrk >/dev/null; then
      if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
      else echo "bench console: needs wrk (apt-get install wrk)" >&2; exit 1; fi
    fi
    scripts/test-prerequisites.sh
    "${MVN[@]}" -o -pl agent-console -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile="$PWD/agent-console/target/bench.classpath" -Dmdep.includeScope=test
    exec java -Xmx2g -cp "agent-console/target/test-classes:agent-console/target/classes:$(cat agent-console/target/bench.classpath)" \
      ir.line111.console.bench.ConsoleBench "$@" ;;
  *)
    echo "usage: ./line111 bench <name> [args]; names: console" >&2
    exit 2 ;;
esac
