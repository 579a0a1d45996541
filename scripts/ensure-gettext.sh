#!/usr/bin/env bash
# The Spanish site's own words are compiled from locale/*/LC_MESSAGES/django.po to django.mo
# at build time by `manage.py compilemessages`, which needs GNU gettext's msgfmt. Install it
# with apt where it is missing and we may; otherwise stop and say how.
set -euo pipefail
if command -v msgfmt >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing gettext (msgfmt) to compile the Spanish messages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
  command -v msgfmt >/dev/null 2>&1 && exit 0
  echo "apt-get installed gettext, but msgfmt is still missing." >&2
  exit 1
fi
echo "Compiling the Spanish messages needs msgfmt from GNU gettext." >&2
echo "Install it with:  sudo apt-get install gettext" >&2
exit 1
