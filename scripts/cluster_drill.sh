#!/usr/bin/env bash
# The cluster drill (scripts/cluster_drill.py): PostgreSQL, Redis, two gunicorn servers and
# nginx on loopback, from the files in deploy/. Installs Debian's redis-server, nginx and
# openssl where they are missing and it can (as scripts/ensure-chromium.sh does for Chromium),
# then runs the drill with the project's virtualenv. Exits non-zero on any failed check.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} for the cluster drill..."
    apt-get update -qq
    # RUNLEVEL=1: the packages' own services are not started; the drill starts its own.
    RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  else
    echo "The cluster drill needs: ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
[ -x .venv/bin/python ] || make .venv/bin/activate
exec .venv/bin/python scripts/cluster_drill.py "$@"
