#!/usr/bin/env bash
# Put a new release of LDN Guide into service with no downtime and no unstyled page:
#
#   deploy/release.sh /srv/ldn/releases/2026-12-01      # a checkout of the new release
#
# 1. In the new release: its virtualenv (make serve's requirements), `check --deploy`,
#    collectstatic into its own folder under DJANGO_STATIC_RELEASES_DIR (the old releases'
#    folders stay: servers still on the old release keep linking their files, and every server
#    serves every release's hashed files), migrate, load_content (the release's data files:
#    new names and texts; rows staff edited are kept), createcachetable.
# 2. Point /srv/ldn/current at it and restart the app servers ONE AT A TIME, each only once
#    the one before answers /readyz: nginx sends traffic to the other meanwhile.
# 3. Remove the static folders of all but the newest LDN_KEEP_RELEASES releases.
#
# Migrations must work with the release before (add columns and tables; remove them one
# release later), since both run side by side during step 2.
#
# Settings (environment): LDN_ENV_FILE (/etc/ldn-guide/env), LDN_CURRENT (/srv/ldn/current),
# LDN_INSTANCES ("8001 8002", the ports), LDN_RESTART (command, {} is the port; default
# "systemctl restart ldn-guide@{}"), LDN_KEEP_RELEASES (3), LDN_SKIP_VENV=1 when the release
# already has its .venv. scripts/cluster_drill.py runs this script in CI.
set -euo pipefail

release="$(readlink -f "${1:?usage: deploy/release.sh RELEASE_DIR}")"
env_file="${LDN_ENV_FILE:-/etc/ldn-guide/env}"
current="${LDN_CURRENT:-/srv/ldn/current}"
instances="${LDN_INSTANCES:-8001 8002}"
restart="${LDN_RESTART:-systemctl restart ldn-guide@\{\}}"
keep="${LDN_KEEP_RELEASES:-3}"

say() { printf '==> %s\n' "$*"; }

set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
: "${DJANGO_STATIC_RELEASES_DIR:?set DJANGO_STATIC_RELEASES_DIR in $env_file (e.g. /srv/ldn/static)}"

cd "$release"
if [ "${LDN_SKIP_VENV:-0}" != 1 ]; then
  say "virtualenv"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install --quiet -r requirements.txt
fi
python=.venv/bin/python
[ -x "$python" ] || python="${LDN_PYTHON:?no .venv in $release; set LDN_PYTHON}"

say "checks"
"$python" manage.py check --deploy --fail-level ERROR
say "the Spanish messages (locale/*.po to .mo)"
"$python" manage.py compilemessages --ignore=.venv -v0
say "static files into $DJANGO_STATIC_RELEASES_DIR/${DJANGO_RELEASE:-$(basename "$release")}"
"$python" manage.py collectstatic --noinput -v0
say "database"
"$python" manage.py migrate --noinput
"$python" manage.py load_content
"$python" manage.py createcachetable

say "serving $release"
ln -sfn "$release" "$current.new"
mv -Tf "$current.new" "$current"

for port in $instances; do
  say "restarting the app server on port $port"
  eval "${restart//\{\}/$port}"
  ready=""
  for _ in $(seq 1 120); do
    if "$python" - "$port" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/readyz", timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
    then
      ready=1
      break
    fi
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "The app server on port $port is not ready after 60 s: stopping the rollout here." >&2
    echo "The other servers still run the release before. Fix it, or point $current back." >&2
    exit 1
  fi
done

say "keeping the static files of the newest $keep releases"
ls -1dt "$DJANGO_STATIC_RELEASES_DIR"/*/ 2>/dev/null | tail -n +"$((keep + 1))" | while read -r old; do
  rm -rf -- "$old"
done
say "done"
