#!/usr/bin/env bash
# Installs and starts what the test suite needs on a fresh Debian machine: PostgreSQL running on
# 127.0.0.1:5432 with database `test`, espeak-ng and sox (prompt generation), Chromium and
# ChromeDriver (browser tests), npm (the build fetches the console's font, Vazirmatn, from the npm
# registry). Idempotent; quiet when everything is already there.
set -euo pipefail

need=()
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sox >/dev/null || need+=(sox)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test-prerequisites: installing ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test-prerequisites: missing ${need[*]} and not root: the tests that need them will say so and skip (CI fails instead)." >&2
  fi
fi

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "test-prerequisites: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if pg_up; then
  # The persistence suites use database `test`; make sure it exists (trust auth on this machine).
  if command -v psql >/dev/null; then
    psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='test'" postgres 2>/dev/null | grep -q 1 \
      || psql -h 127.0.0.1 -U postgres -c "create database test" postgres >/dev/null 2>&1 || true
  fi
else
  echo "test-prerequisites: PostgreSQL is not reachable on 127.0.0.1:5432; the PostgreSQL suites will skip (in CI they fail)." >&2
fi
