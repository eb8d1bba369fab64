#!/usr/bin/env bash
# Installs the Debian packages mercator needs. Idempotent: quiet and fast when
# everything is already present. Run as root (or with sudo available).
set -euo pipefail

packages=(
  g++ cmake make
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libsqlite3-dev librandom123-dev libgtest-dev libbenchmark-dev
  libsqlitecpp-dev  # SQLiteCpp: experiment databases
  libgsl-dev  # Sobol sequences, Student t quantiles
  time  # GNU time: peak memory in make bench
)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
