// marketbench: times MarketBench (shared/bench/MARKETBENCH.md) on the engine.
//
//   marketbench --size small|large|xl --threads N --seed S --steps T --repeats R [--csv]
//
// Repeat r runs seed S + r. Per run: wall time (model setup + T steps; the
// thread pool is started once, outside the timing), sessions per second
// (shopping buyers x steps / seconds), peak RSS, and the last step's check
// values. Then the median of each over the repeats.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "marketbench_model.hpp"

namespace {

using mercator::ThreadPool;
namespace mb = mercator::marketbench;

struct RunResult {
  uint64_t seed = 0;
  double wall_seconds = 0.0;
  uint64_t sessions = 0;
  double peak_rss_mib = 0.0;
  mb::StepRecord last;

  double sessions_per_second() const { return sessions / wall_seconds; }
};

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // ru_maxrss is in KiB on Linux
}

RunResult run_once(const mb::Config& config, ThreadPool& pool) {
  RunResult result;
  result.seed = config.seed;
  const auto start = std::chrono::steady_clock::now();
  mb::Model model(config, pool);
  for (uint32_t step = 0; step < config.steps; ++step) {
    result.last = model.step();
    result.sessions += result.last.purchases;  // every shopper buys exactly one unit
  }
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.peak_rss_mib = peak_rss_mib();
  return result;
}

template <class Field>
double median(const std::vector<RunResult>& runs, Field field) {
  std::vector<double> values;
  for (const RunResult& run : runs) values.push_back(field(run));
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

void print_csv_header() {
  std::printf(
      "kind,size,buyers,sellers,steps,threads,seed,wall_s,sessions,sessions_per_s,peak_rss_mib,"
      "purchases,gmv,non_genuine_share,mean_rating\n");
}

void print_csv_line(const char* kind, const std::string& size, const mb::Config& config,
                    unsigned threads, const char* seed, double wall, double sessions, double rate,
                    double rss, double purchases, double gmv, double share, double rating) {
  std::printf("%s,%s,%llu,%u,%u,%u,%s,%.6f,%.0f,%.0f,%.1f,%.0f,%.2f,%.6f,%.6f\n", kind,
              size.c_str(), static_cast<unsigned long long>(config.buyers), config.sellers,
              config.steps, threads, seed, wall, sessions, rate, rss, purchases, gmv, share,
              rating);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"MarketBench on mercator's engine (see shared/bench/MARKETBENCH.md)"};
  std::string size = "small";
  unsigned threads = 1;
  uint64_t seed = 1;
  uint32_t steps = 100;
  unsigned repeats = 3;
  bool csv = false;
  uint64_t buyers = 0;
  uint32_t sellers = 0;
  app.add_option("--size", size, "small (100k buyers, 10k sellers), large (1M, 100k), xl (10M, 1M)")
      ->check(CLI::IsMember({"small", "large", "xl"}));
  app.add_option("--threads", threads, "worker threads")->check(CLI::Range(1u, 1024u));
  app.add_option("--seed", seed, "seed of the first repeat; repeat r uses seed + r");
  app.add_option("--steps", steps, "steps per run")->check(CLI::Range(1u, 1000000u));
  app.add_option("--repeats", repeats, "runs (medians are taken over them)")
      ->check(CLI::Range(1u, 1000u));
  app.add_option("--buyers", buyers, "override the size's buyer count");
  app.add_option("--sellers", sellers, "override the size's seller count")
      ->check(CLI::Range(1u, 4000000000u));
  app.add_flag("--csv", csv, "one CSV line per run (and one for the medians), with a header");
  CLI11_PARSE(app, argc, argv);

  const std::map<std::string, std::pair<uint64_t, uint32_t>> sizes = {
      {"small", {100'000, 10'000}},
      {"large", {1'000'000, 100'000}},
      {"xl", {10'000'000, 1'000'000}}};
  mb::Config config;
  config.buyers = buyers ? buyers : sizes.at(size).first;
  config.sellers = sellers ? sellers : sizes.at(size).second;
  config.steps = steps;

  ThreadPool pool(threads);
  std::vector<RunResult> runs;
  if (csv)
    print_csv_header();
  else
    std::printf("marketbench %s: %llu buyers, %u sellers, %u steps, %u thread(s)\n", size.c_str(),
                static_cast<unsigned long long>(config.buyers), config.sellers, config.steps,
                threads);
  for (unsigned repeat = 0; repeat < repeats; ++repeat) {
    config.seed = seed + repeat;
    const RunResult run = run_once(config, pool);
    runs.push_back(run);
    const std::string seed_text = std::to_string(run.seed);
    if (csv) {
      print_csv_line("run", size, config, threads, seed_text.c_str(), run.wall_seconds,
                     static_cast<double>(run.sessions), run.sessions_per_second(), run.peak_rss_mib,
                     static_cast<double>(run.last.purchases), run.last.gmv,
                     run.last.non_genuine_share(), run.last.mean_rating);
      continue;
    }
    std::printf(
        "  seed %-4llu wall %8.4f s  %7.2f M sessions/s  peak RSS %7.1f MiB | step %u: purchases "
        "%llu  GMV %.2f  non-genuine share %.4f  mean rating %.4f\n",
        static_cast<unsigned long long>(run.seed), run.wall_seconds,
        run.sessions_per_second() / 1e6, run.peak_rss_mib, config.steps,
        static_cast<unsigned long long>(run.last.purchases), run.last.gmv,
        run.last.non_genuine_share(), run.last.mean_rating);
  }

  const double wall = median(runs, [](const RunResult& r) { return r.wall_seconds; });
  const double rate = median(runs, [](const RunResult& r) { return r.sessions_per_second(); });
  const double sessions =
      median(runs, [](const RunResult& r) { return static_cast<double>(r.sessions); });
  const double rss = median(runs, [](const RunResult& r) { return r.peak_rss_mib; });
  const double purchases =
      median(runs, [](const RunResult& r) { return static_cast<double>(r.last.purchases); });
  const double gmv = median(runs, [](const RunResult& r) { return r.last.gmv; });
  const double share = median(runs, [](const RunResult& r) { return r.last.non_genuine_share(); });
  const double rating = median(runs, [](const RunResult& r) { return r.last.mean_rating; });
  if (csv) {
    print_csv_line("median", size, config, threads, "all", wall, sessions, rate, rss, purchases,
                   gmv, share, rating);
    return 0;
  }
  std::printf(
      "  median    wall %8.4f s  %7.2f M sessions/s  peak RSS %7.1f MiB | step %u: purchases "
      "%.0f  GMV %.2f  non-genuine share %.4f  mean rating %.4f\n",
      wall, rate / 1e6, rss, config.steps, purchases, gmv, share, rating);
  return 0;
}
