#pragma once
// The public entry point: build a simulation from a resolved config and run it.
#include <functional>
#include <memory>

#include "metrics/run_results.hpp"
#include "metrics/series_selection.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {

class SimulationEngine;  // the day loop, src/simulation/

class Simulation {
 public:
  // series: the daily series to record (every one unless asked otherwise).
  Simulation(const SimulationConfig& config, unsigned threads,
             const SeriesSelection& series = SeriesSelection::all());
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Runs every day from start to end. progress(day, total_days) is called
  // after each day when given.
  void run(const std::function<void(int32_t, int32_t)>& progress = {});
  // One day; returns false when the run is over.
  bool step();
  const RunResults& results() const;
  int32_t total_days() const;

 private:
  std::unique_ptr<SimulationEngine> engine_;
};

}  // namespace mercator
