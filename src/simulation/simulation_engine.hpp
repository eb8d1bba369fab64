#pragma once
// The day loop: runs the phases of MODEL.md section 3 in order, calling the
// enabled mechanisms' hooks at each, and records the day's metrics. After
// the last day it measures what needs the whole run: robustness_index, the
// life-cycle stages and their transition events, and the summary.
#include <memory>
#include <vector>

#include "core/thread_pool.hpp"
#include "market/ecosystem_state.hpp"
#include "mechanisms/mechanism.hpp"
#include "metrics/collector.hpp"
#include "metrics/run_results.hpp"
#include "metrics/series_selection.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {

class SimulationEngine {
 public:
  SimulationEngine(const SimulationConfig& config, unsigned threads,
                   const SeriesSelection& series = SeriesSelection::all());
  bool step();
  const RunResults& results() const { return results_; }
  int32_t total_days() const { return state_.total_days; }
  const EcosystemState& state() const { return state_; }

 private:
  void install_mechanisms();
  void count_buyers();
  void check_books(bool balanced) const;
  void finish();
  template <class Hook>
  void each_mechanism(Hook hook) {
    for (auto& mechanism : mechanisms_) hook(*mechanism);
  }

  SimulationConfig config_;  // live: scheduled `set` events change it
  ThreadPool pool_;
  EcosystemState state_;
  std::vector<std::unique_ptr<Mechanism>> mechanisms_;
  std::unique_ptr<MetricsCollector> collector_;  // built once the ecosystem is
  RunResults results_;
  bool finished_ = false;
};

}  // namespace mercator
