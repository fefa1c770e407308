#!/usr/bin/env bash
# Fault soaks, not part of ./line111 test: ./line111 soak faults [kills] [outage-seconds] [outage-calls]
# (defaults 200, 60, 30). The backend runs in a child JVM from the app's test classpath; the PostgreSQL
# run starts its own throwaway cluster with initdb on a free loopback port (needs the postgresql server binaries).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
MVN=(mvn -B -ntp -q)
name="${1:-}"
shift || true
case "$name" in
  faults)
    "${MVN[@]}" -pl app -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile=target/soak.classpath -Dmdep.includeScope=test -DskipTests >/dev/null
    cp="$here/app/target/test-classes:$here/app/target/classes:$(cat app/target/soak.classpath)"
    # The child backends find their logging config and class-data archive under app/target.
    cd app
    exec java -Xmx512m -Dline111.repo.root="$here" -Dsurefire.test.class.path="$cp" -cp "$cp" ir.line111.app.faults.FaultSoak "$@" ;;
  *)
    echo "usage: ./line111 soak faults [kills] [outage-seconds] [outage-calls]" >&2
    exit 2 ;;
esac
