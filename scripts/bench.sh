#!/usr/bin/env bash
# Benchmarks: ./line111 bench NAME [args]. Each case builds what it needs and prints ratios measured
# side by side in one run (the machine is shared and noisy). Not part of ./line111 test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MVN=(mvn -B -ntp -q)

name="${1:-}"
shift || true
case "$name" in
  ivr)
    # N concurrent calls (default 2000) through the whole message flow, and the answer+hangup floor.
    "${MVN[@]}" -pl ivr -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile="$PWD/ivr/target/bench.classpath" -Dmdep.includeScope=test
    exec java -Xmx1g -cp "ivr/target/test-classes:ivr/target/classes:$(cat ivr/target/bench.classpath)" \
      ir.line111.ivr.bench.IvrBench "$@" ;;
  *)
    echo "usage: ./line111 bench <name> [args]; names: ivr" >&2
    exit 2 ;;
esac
