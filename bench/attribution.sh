#!/usr/bin/env bash
# Times `mercator attribute`: exact Shapley values of 8 mechanisms on
# scenarios/default.toml, 5 replicates (256 coalitions x 5 = 1,280 runs),
# all cores. That takes hours on a small machine, so --slice K times a
# part of it and extrapolates (bench/README.md, section "Attribution").
#
#   bench/attribution.sh BUILD_DIR [--slice K] [--rest on|off]
#                        [--replications R] [--parallel P] [--set KEY=VALUE]...
#
#   --slice K        exact values of the first K of the 8 mechanisms only,
#                    1 replicate (2^K runs); the other 8 - K stay as the
#                    scenario has them (--rest on, all on) or are switched
#                    off (--rest off), so two slices bracket the cost of
#                    coalitions with many and few mechanisms on.
#   --replications R replicates (default 5; 1 with --slice)
#   --parallel P     runs at once (default: all cores)
#   --set KEY=VALUE  passed on to every run (repeatable)
#
# Prints the wall time, the runs made, the mean and range of a run's own
# time (from the database, when the sqlite3 shell is installed), and for a
# slice the extrapolation to the full 1,280 runs at the same parallelism.
set -euo pipefail

build_dir=${1:?usage: bench/attribution.sh BUILD_DIR [--slice K] [--rest on|off] [--replications R] [--parallel P] [--set KEY=VALUE]...}
shift
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
build_dir=$(cd "$build_dir" && pwd)
mercator="$build_dir/mercator"
if [ ! -x "$mercator" ]; then
  echo "bench/attribution.sh: $mercator not found; build first (make build)" >&2
  exit 2
fi

# The case mechanisms the Alibaba and AliExpress sources stress most.
mechanisms=(rules reputation escrow microfinance training network_effects internationalization
  cooperation)
slice=0
rest=on
replications=5
parallel=$(nproc)
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --slice) slice=$2; replications=1; shift 2 ;;
    --rest) rest=$2; shift 2 ;;
    --replications) replications=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    --set) extra+=(--set "$2"); shift 2 ;;
    *) echo "bench/attribution.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if ! [[ "$slice" =~ ^[0-8]$ ]] || ! [[ "$rest" =~ ^(on|off)$ ]]; then
  echo "bench/attribution.sh: expected --slice 1..8 and --rest on|off" >&2
  exit 2
fi

varied=("${mechanisms[@]}")
if [ "$slice" -gt 0 ]; then
  varied=("${mechanisms[@]:0:$slice}")
  if [ "$rest" = off ]; then
    for held in "${mechanisms[@]:$slice}"; do extra+=(--set "mechanisms.$held.enabled=false"); done
  fi
fi
full_runs=$(( (1 << ${#mechanisms[@]}) * 5 ))
runs=$(( (1 << ${#varied[@]}) * replications ))

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
database="$work/attribution.sqlite"

echo "mercator attribute on $(nproc) core(s): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "mechanisms varied: ${varied[*]}"
[ "$slice" -gt 0 ] && echo "held ${rest}: ${mechanisms[*]:$slice}"
echo "runs: $runs (2^${#varied[@]} coalitions x $replications replicates), $parallel at once"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
"$mercator" attribute scenarios/default.toml --mechanisms "$(IFS=,; echo "${varied[*]}")" \
  --outcome final.gmv_last_year_usd --replications "$replications" --parallel "$parallel" \
  --db "$database" -q "${extra[@]}" >"$work/tables.txt"
end=$(date +%s.%N)
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
# CPU seconds of the command (user + system, from bash's `times`: children's
# totals): unlike wall time, barely affected by other work on the machine.
# (`times` must run in this shell: a command substitution's subshell has
# no children of its own.)
times >"$work/times.txt"
cpu=$(tail -1 "$work/times.txt" | awk '{
  total = 0
  for (i = 1; i <= 2; ++i) { split($i, part, "m"); sub("s", "", part[2]); total += part[1] * 60 + part[2] }
  printf "%.1f", total }')
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "wall time: $wall s for $runs runs ($(awk -v w="$wall" -v n="$runs" 'BEGIN { printf "%.2f", w / n }') s a run at $parallel at once)"
if command -v sqlite3 >/dev/null; then
  sqlite3 "$database" "SELECT printf('a run''s own time: mean %.2f s, min %.2f s, max %.2f s', \
    AVG(seconds), MIN(seconds), MAX(seconds)) FROM runs"
  sqlite3 "$database" "SELECT printf('  all varied on: %.2f s, all varied off: %.2f s', \
    (SELECT AVG(seconds) FROM runs WHERE point = (SELECT MAX(point) FROM runs)), \
    (SELECT AVG(seconds) FROM runs WHERE point = 0))"
fi
echo "CPU time: $cpu s ($(awk -v c="$cpu" -v n="$runs" 'BEGIN { printf "%.2f", c / n }') s a run, setup and the checks included)"
if [ "$slice" -gt 0 ]; then
  echo "extrapolated to the full $full_runs runs at $parallel at once:"
  echo "  from the wall time:  $(awk -v w="$wall" -v n="$runs" -v f="$full_runs" 'BEGIN { printf "%.0f s (%.2f h)", w / n * f, w / n * f / 3600 }')"
  echo "  from the CPU time, on an otherwise idle machine:" \
    "$(awk -v c="$cpu" -v n="$runs" -v f="$full_runs" -v p="$parallel" -v k="$(nproc)" 'BEGIN {
      lanes = p < k ? p : k; t = c / n * f / lanes; printf "%.0f s (%.2f h)", t, t / 3600 }')"
fi
