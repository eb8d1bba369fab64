#!/usr/bin/env bash
# Runs the benchmarks and prints a table (called by `make bench`).
#
#   bench/run.sh BUILD_DIR
#
# 1. MarketBench (shared/bench/MARKETBENCH.md) on the engine: sizes small and
#    large, 1 and 2 threads, 3 repeats (seeds 1, 2, 3), medians.
# 2. The full simulator on scenarios/bench-1m.toml (placeholder, see below).
#
# Timings are only as quiet as the machine: the load average is printed with
# the results, so a noisy run can be recognised and repeated.
set -euo pipefail

build_dir=${1:?usage: bench/run.sh BUILD_DIR}
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
build_dir=$(cd "$build_dir" && pwd)

marketbench="$build_dir/marketbench"
if [ ! -x "$marketbench" ]; then
  echo "bench/run.sh: $marketbench not found; build first (make build)" >&2
  exit 2
fi

sizes=(small large)
threads_list=(1 2)
repeats=3

echo "mercator benchmarks on $(nproc) core(s): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "## MarketBench (median of $repeats runs, seeds 1..$repeats; check values at the last step)"
echo
header_format="| %-5s | %7s | %10s | %12s | %12s | %9s | %11s | %11s |\n"
row_format="| %-5s | %7s | %10.4f | %12.2f | %12.1f | %9.0f | %11.4f | %11.4f |\n"
printf "$header_format" size threads "wall (s)" "M sessions/s" "peak RSS MiB" purchases \
  "non-genuine" "mean rating"
printf "$header_format" :---- ------: ---------: -----------: -----------: --------: ----------: \
  ----------:
for size in "${sizes[@]}"; do
  for threads in "${threads_list[@]}"; do
    # The CSV's last line holds the medians:
    # kind,size,buyers,sellers,steps,threads,seed,wall_s,sessions,sessions_per_s,peak_rss_mib,
    # purchases,gmv,non_genuine_share,mean_rating
    median_line=$("$marketbench" --size "$size" --threads "$threads" --repeats "$repeats" --csv |
      awk -F, '$1 == "median"')
    IFS=, read -r _ _ _ _ _ _ _ wall _ rate rss purchases _ share rating <<<"$median_line"
    millions=$(awk -v rate="$rate" 'BEGIN { print rate / 1e6 }')
    printf "$row_format" "$size" "$threads" "$wall" "$millions" "$rss" "$purchases" "$share" "$rating"
  done
done
echo
echo "Reference bars (MARKETBENCH.md, 2-core CI machine): hand-written C++ loop at 2 threads"
echo "~9.1 M sessions/s small, ~14.2 M large; mercator's target at 2 threads: 40 M small, 30 M large."
echo "Check values should read: non-genuine share ~0.027 (0.021-0.031), mean rating ~0.918,"
echo "purchases ~10% of buyers."
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------------------
# Second benchmark: the full simulator on the 1M-buyer, 100k-seller, 10-year
# scenario (wall time, peak memory, hot state per buyer from summary.json).
# ---------------------------------------------------------------------------
echo
echo "## mercator run scenarios/bench-1m.toml"
echo
scenario=scenarios/bench-1m.toml
if [ ! -f "$scenario" ] || [ ! -x "$build_dir/mercator" ]; then
  echo "skipped: $scenario or $build_dir/mercator does not exist yet"
  exit 0
fi
printf "| %7s | %10s | %12s | %22s |\n" threads "wall (s)" "peak RSS MiB" "hot bytes per buyer"
printf "| %7s | %10s | %12s | %22s |\n" ------: ---------: -----------: ---------------------:
for threads in "${threads_list[@]}"; do
  out_dir=$(mktemp -d)
  start=$(date +%s.%N)
  # GNU time writes the peak RSS (KiB) to its -o file; plain timing without it.
  if command -v /usr/bin/time >/dev/null; then
    /usr/bin/time -f "%M" -o "$out_dir.rss" \
      "$build_dir/mercator" run "$scenario" --threads "$threads" --out "$out_dir/run" >/dev/null
    rss=$(awk 'END { print $1 / 1024 }' "$out_dir.rss")
  else
    "$build_dir/mercator" run "$scenario" --threads "$threads" --out "$out_dir/run" >/dev/null
    rss=0
  fi
  end=$(date +%s.%N)
  hot_bytes=$(sed -n 's/.*"hot_state_bytes_per_buyer": *\([0-9]*\).*/\1/p' "$out_dir/run/summary.json")
  printf "| %7s | %10.3f | %12.1f | %22s |\n" "$threads" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$rss" "$hot_bytes"
  rm -rf "$out_dir" "$out_dir.rss"
done
