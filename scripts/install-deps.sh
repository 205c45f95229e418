#!/usr/bin/env bash
# Installs whichever packages in scripts/debian-packages.txt are missing.
# Idempotent, and quick when everything is present (one dpkg-query).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list=${1:-$here/debian-packages.txt}

mapfile -t wanted < <(sed 's/#.*//' "$list" | awk 'NF { print $1 }')
installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null |
  awk '$2 ~ /^ii/ { print $1 }' || true)
missing=()
for package in "${wanted[@]}"; do
  grep -qxF "$package" <<<"$installed" || missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "coop: installing missing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
# LLVM 22 comes from the bookworm-security suite; say so instead of failing
# with apt's "has no installation candidate". Another apt run may be
# rewriting the lists right now, so look twice before giving up.
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep 'Candidate: [0-9]' >/dev/null; }
for package in "${missing[@]}"; do
  if ! has_candidate "$package"; then
    sleep 5
    $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
    if ! has_candidate "$package"; then
      echo "coop: apt has no candidate for '$package'." >&2
      echo "coop: coop needs Debian bookworm with its bookworm-security suite enabled (LLVM 22 is published there)." >&2
      exit 1
    fi
  fi
done
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
echo "coop: packages installed"
