#pragma once
// Reading an experiment file (EXPERIMENT.toml, docs/experiments.md) into an
// ExperimentSpec: its tables, keys, types and the rules of each design.
// What needs the scenario (are the parameters registered, do the values
// fit) is checked by experiment/experiment_checks.hpp.
#include <string>
#include <vector>

#include "experiment/experiment_spec.hpp"
#include "mercator/scenario.hpp"

namespace mercator {

// Appends every problem found, as file:line:column: key 'K' = V: what is
// wrong; expected what. The spec holds what could be read.
ExperimentSpec read_experiment_file(const std::string& path,
                                    std::vector<ScenarioProblem>& problems);

}  // namespace mercator
