#pragma once
// An experiment checked against its scenario before anything runs, each
// problem placed where the experiment file says it: parameters that are
// registered and of a type the design can vary, values and ranges they
// accept, series and markets that exist, and every design point's scenario
// passing the loader's cross-field checks.
#include <vector>

#include "experiment/experiment_design.hpp"
#include "experiment/experiment_spec.hpp"
#include "mercator/scenario.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {

// Also sets each parameter's type from the scenario's registry.
void check_against_scenario(ExperimentSpec& spec, const SimulationConfig& base,
                            std::vector<ScenarioProblem>& problems);

// Applies each design point to the base scenario and runs the cross-field
// checks (check_config). Reports each distinct problem once.
void check_design_points(const ExperimentSpec& spec, const ExperimentDesign& design,
                         const SimulationConfig& base, std::vector<ScenarioProblem>& problems);

}  // namespace mercator
