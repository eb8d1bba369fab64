#pragma once
// Many runs of one scenario, side by side: the engine of experiments,
// attribution and sensitivity analysis.
//
// Each run is the scenario file plus its own overrides (any registered
// parameter, "run.seed=..." included), simulated on one thread; `parallel`
// runs go at once. Results are handed to on_done one at a time (calls are
// serialized), in completion order, so a caller can store each as it lands
// and an interrupted batch loses only the runs in flight.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "metrics/run_results.hpp"
#include "metrics/series_selection.hpp"

namespace mercator {

struct RunRequest {
  std::vector<std::string> overrides;  // "key=value", TOML values, as for --set
};

struct BatchOptions {
  std::string scenario_path;
  std::vector<std::string> base_overrides;  // applied before each run's own
  unsigned parallel = 1;                    // runs at once, each on one thread
  // The daily series each run records: a batch that keeps only summaries
  // and a few series records only those (metrics/series_selection.hpp).
  SeriesSelection series = SeriesSelection::all();
};

// Called with the request's index and its results.
using RunDone = std::function<void(size_t index, const RunResults& results)>;

// Loads and validates every request's scenario first, so that a bad
// override fails the batch before any run starts (ScenarioError). If a run or
// on_done throws, no further runs start; the first exception is rethrown
// once the runs in flight have finished.
void run_batch(const BatchOptions& options, const std::vector<RunRequest>& requests,
               const RunDone& on_done);

}  // namespace mercator
