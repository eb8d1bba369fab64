#pragma once
// Loading an experiment: the file, its scenario (with the file's set
// overrides), the checks against that scenario, the design and the runs it
// makes. Everything that can be wrong with the input is found here, before a
// database is opened or a run starts.
#include <string>
#include <vector>

#include "experiment/experiment_design.hpp"
#include "experiment/experiment_plan.hpp"
#include "experiment/experiment_spec.hpp"

namespace mercator {

struct Experiment {
  ExperimentSpec spec;
  std::string resolved_scenario_json;  // the scenario with the set overrides, every key
  ExperimentDesign design;
  std::vector<PlannedRun> runs;
  std::string spec_json;  // experiment_spec_json: compared when a database is resumed
};

// Throws ScenarioError listing every problem, each as
// file:line:column: key 'K' = V: what is wrong; expected what.
Experiment load_experiment(const std::string& path);

}  // namespace mercator
