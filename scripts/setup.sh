#!/usr/bin/env bash
# Installs what mercator needs: the Debian packages below, then the npm
# packages of package-lock.json (the charting libraries the build inlines
# into reports, and the browser driver of the report test). Idempotent:
# quiet and fast when everything is already present. Run as root (or with
# sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libsqlite3-dev librandom123-dev libgtest-dev libbenchmark-dev
  libsqlitecpp-dev  # SQLiteCpp: experiment databases
  libgsl-dev  # Sobol sequences, Student t quantiles
  libnlopt-cxx-dev  # NLopt (C++ API): derivative-free optimisation (mercator calibrate)
  libfccp-dev  # fast-cpp-csv-parser: calibration targets
  time  # GNU time: peak memory in make bench
  chromium  # headless browser of the report test (tests/report)
)
# node and npm fetch and test the report's charting libraries. Debian's own
# only when none is there: a node from elsewhere (nodesource's nodejs, which
# brings its npm) stays, and installing Debian's beside it would conflict.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

install_debian_packages() {
  local missing=()
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "setup: installing ${missing[*]}" >&2
  local sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm ci only when node_modules is missing or older than package-lock.json
# (npm writes node_modules/.package-lock.json on every install).
install_npm_packages() {
  local installed=node_modules/.package-lock.json
  [ -f "$installed" ] && [ ! package-lock.json -nt "$installed" ] && return 0

  echo "setup: installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  touch "$installed"
}

install_debian_packages
install_npm_packages
