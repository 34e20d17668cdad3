#!/usr/bin/env bash
# Installs the Debian packages given as arguments that are not installed yet. As root with
# apt-get; as another user it prints the exact apt-get line and exits with status 2.
# Usage: scripts/install-packages.sh PACKAGE...
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: missing Debian packages; install them as root with:" >&2
  echo "  apt-get install -y ${missing[*]}" >&2
  exit 2
fi
