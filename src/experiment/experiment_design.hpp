#pragma once
// An experiment's design: its design points, each a value for every varied
// parameter. One file per kind of design:
//   replications_design.cpp     one point, nothing varied
//   grid_design.cpp             the full factorial product of the values
//   latin_hypercube_design.cpp  n points, one in each stratum of every range
//   saltelli_design.cpp         the A, B and AB_i rows of a Sobol analysis
// Every run of a point gets the point's values as overrides
// (experiment/experiment_plan.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/experiment_spec.hpp"

namespace mercator {

struct ExperimentDesign {
  std::vector<std::string> keys;                 // the varied parameters
  std::vector<std::vector<std::string>> points;  // points[p][i]: keys[i]'s value, TOML text
};

ExperimentDesign replications_design();

// Every combination of the parameters' values, the first parameter varying
// slowest (as nested loops in the file's order would list them).
ExperimentDesign grid_design(const std::vector<DesignParameter>& parameters);

// `points` points; the strata are drawn from RandomStream(seed,
// Purpose::ExperimentDesign, 0, 0), so the same seed gives the same design.
ExperimentDesign latin_hypercube_design(const std::vector<DesignParameter>& parameters,
                                        size_t points, uint64_t seed);

// N (k + 2) points from analysis/saltelli_sample.hpp, laid out by
// saltelli_point. Throws InputError for more than 20 parameters.
ExperimentDesign saltelli_design(const std::vector<DesignParameter>& parameters,
                                 size_t base_samples);

// The design the spec asks for.
ExperimentDesign make_design(const ExperimentSpec& spec);

// The value of a sampled parameter at u in [0, 1), as TOML text: low + u
// (high - low), or its logarithmic counterpart for scale = "log", kept in
// [low, high]. An integer parameter takes the integer part of the draw over
// [low, high + 1): each integer of [low, high] gets an equal share of the
// unit interval (of its logarithm, with the log scale), so integers are
// rounded down rather than refused.
std::string sampled_value(const DesignParameter& parameter, double unit);

// Saltelli layout: base row j's points are j (k + 2) for A, j (k + 2) + 1
// for B and j (k + 2) + 2 + i for AB_i, so the rows stay together.
constexpr size_t saltelli_matrix_a = 0;
constexpr size_t saltelli_matrix_b = 1;
constexpr size_t saltelli_matrix_ab(size_t parameter) { return 2 + parameter; }
constexpr int64_t saltelli_point(size_t row, size_t matrix, size_t parameters) {
  return static_cast<int64_t>(row * (parameters + 2) + matrix);
}

}  // namespace mercator
