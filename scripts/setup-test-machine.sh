#!/usr/bin/env bash
# CI's shortcut (.ci/run): installs Debian's Chromium (Playwright cannot download browsers
# here), Xvfb, and a running system PostgreSQL with a password for the `postgres` role, which
# .ci/run names in FRONTDESK_TEST_PG_URL. `npm test` needs none of it otherwise: without that
# variable it starts an embedded PostgreSQL from npm. Idempotent; run as root (CI does).
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
echo "setup: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), PostgreSQL $version on 127.0.0.1:5432"
