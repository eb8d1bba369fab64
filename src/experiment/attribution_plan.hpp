#pragma once
// The runs of a mechanism attribution (`mercator attribute`): the players
// are mechanisms, a coalition is the set of listed mechanisms switched on
// (the others in the list off; mechanisms not listed stay as the scenario
// has them), and replicate r of every coalition runs with seed + r, so the
// differences between coalitions are paired (common random numbers).
//
// In the experiment database a run's point is its coalition's bit mask
// (bit i: the i-th listed mechanism, in mechanism_names() order) and its
// replicate is r.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/shapley.hpp"
#include "analysis/shapley_estimates.hpp"

namespace mercator {

struct AttributionSpec {
  std::string scenario_path;
  std::vector<std::string> overrides;   // --set, for every run
  std::vector<std::string> mechanisms;  // the players, in mechanism_names() order
  int replications = 5;
  int joining_orders = 0;  // 0: exact Shapley values; M: M sampled orders per replicate
  int64_t seed = 1;        // replicate r runs with seed + r
};

// The requested names as players: every mechanism when none are given;
// sorted into mechanism_names() order so that a coalition's bits do not
// depend on how the list was typed. Throws InputError on an unknown name
// (with a "did you mean" hint) or a repeated one.
std::vector<std::string> attribution_mechanisms(const std::vector<std::string>& requested);

// "mechanisms.<name>.enabled=true|false" for every listed mechanism.
std::vector<std::string> coalition_overrides(const std::vector<std::string>& mechanisms,
                                             Coalition coalition);

// "{escrow, rules}", "{}" for the empty coalition.
std::string coalition_label(const std::vector<std::string>& mechanisms, Coalition coalition);

int64_t replicate_seed(const AttributionSpec& spec, int replicate);

AttributionDesign attribution_design(const AttributionSpec& spec);

}  // namespace mercator
