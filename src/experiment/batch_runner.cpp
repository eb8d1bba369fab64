#include "experiment/batch_runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"

namespace mercator {
namespace {

std::vector<SimulationConfig> load_all(const BatchOptions& options,
                                       const std::vector<RunRequest>& requests) {
  std::vector<SimulationConfig> configs;
  configs.reserve(requests.size());
  for (const RunRequest& request : requests) {
    std::vector<std::string> overrides = options.base_overrides;
    overrides.insert(overrides.end(), request.overrides.begin(), request.overrides.end());
    configs.push_back(load_scenario(options.scenario_path, overrides).config);
  }
  return configs;
}

}  // namespace

void run_batch(const BatchOptions& options, const std::vector<RunRequest>& requests,
               const RunDone& on_done) {
  const std::vector<SimulationConfig> configs = load_all(options, requests);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex done_mutex;
  std::exception_ptr first_error;

  const auto worker = [&] {
    while (!failed.load()) {
      const size_t index = next.fetch_add(1);
      if (index >= configs.size()) return;
      try {
        Simulation simulation(configs[index], 1, options.series);
        simulation.run();
        std::lock_guard lock(done_mutex);
        if (!failed.load()) on_done(index, simulation.results());
      } catch (...) {
        std::lock_guard lock(done_mutex);
        if (!first_error) first_error = std::current_exception();
        failed.store(true);
      }
    }
  };
  const unsigned thread_count =
      std::max(1u, std::min<unsigned>(options.parallel, static_cast<unsigned>(configs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < thread_count; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& thread : threads) thread.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace mercator
