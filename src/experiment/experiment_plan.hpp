#pragma once
// An experiment's runs: every design point times every replicate, each with
// the overrides that make it, and the specification that identifies them in
// the database (a changed one is refused rather than mixed with old runs).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "experiment/experiment_design.hpp"
#include "experiment/experiment_spec.hpp"

namespace mercator {

struct PlannedRun {
  int64_t point = 0;
  int64_t replicate = 0;
  int64_t seed = 0;  // the experiment's seed + replicate: common random numbers across points
  std::vector<std::string> overrides;                           // the point's values, then run.seed
  std::vector<std::pair<std::string, std::string>> parameters;  // the point's values
};

// Point-major: all replicates of point 0, then of point 1, ...
std::vector<PlannedRun> plan_runs(const ExperimentSpec& spec, const ExperimentDesign& design);

// What decides the runs and what is stored of them, as JSON: the resolved
// scenario (after the experiment's set overrides), the set overrides, the
// seed, the replications, the design as written, the stored series, and a
// digest of every planned run's overrides (so that a change in how a design
// is drawn is caught too). Not the name, the database or [sensitivity]:
// those do not change the runs.
std::string experiment_spec_json(const ExperimentSpec& spec,
                                 const std::string& resolved_scenario_json,
                                 const std::vector<PlannedRun>& runs);

// "experiment", or "sensitivity" for a Saltelli design (whichever command
// runs it), as the experiments table records it.
std::string experiment_kind(const ExperimentSpec& spec);

}  // namespace mercator
