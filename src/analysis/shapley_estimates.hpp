#pragma once
// Shapley values and one-at-a-time effects of a stochastic game, estimated
// from replicates with common random numbers.
//
// Replicate r evaluates every coalition with the same random numbers (in
// mercator: the same seed), so the differences v_r(S + i) - v_r(S) that
// make up a player's value are paired and the noise common to all
// coalitions of a replicate cancels. Each replicate gives one value per
// player (its own Shapley value, leave-one-out and solo effect); the
// estimate is their mean over replicates, with a Student-t 95% interval
// (mean_with_ci95), valid because replicates are independent.
//
// Sampled Shapley values draw their joining orders afresh for every
// replicate (random_joining_orders(seed, r)): the replicates then stay
// independent and identically distributed, so the interval covers the
// sampling error of the orders as well as the model's noise. The price is
// that replicates share fewer coalitions than they would with one set of
// orders.
#include <cstdint>
#include <functional>
#include <vector>

#include "analysis/confidence_interval.hpp"
#include "analysis/shapley.hpp"

namespace mercator {

struct AttributionDesign {
  int players = 0;
  int replications = 1;
  int joining_orders = 0;  // 0: exact Shapley values; M > 0: M sampled orders per replicate
  uint64_t seed = 0;       // names the sampled orders' streams
  bool exact() const { return joining_orders == 0; }
};

// The coalitions replicate r needs (those of the Shapley values and of the
// one-at-a-time effects), sorted and distinct: the runs to make.
std::vector<Coalition> design_coalitions(const AttributionDesign& design, int replicate);

// v_r(S): the value of coalition S in replicate r.
using ReplicatedGame = std::function<double(int replicate, Coalition coalition)>;

struct PlayerEstimate {
  MeanEstimate shapley;
  MeanEstimate leave_one_out;  // v(N) - v(N \ {i})
  MeanEstimate solo;           // v({i}) - v(empty)
};

struct AttributionEstimate {
  std::vector<PlayerEstimate> players;
  MeanEstimate grand_value;   // v(N)
  MeanEstimate empty_value;   // v(empty)
  MeanEstimate total_change;  // v(N) - v(empty), paired within replicates
  // Efficiency check: the largest |sum_i phi_i,r - (v_r(N) - v_r(empty))|
  // over replicates; zero up to rounding.
  double largest_efficiency_gap = 0;
};

// Reads only design_coalitions(design, r) of each replicate.
AttributionEstimate estimate_attribution(const AttributionDesign& design,
                                         const ReplicatedGame& game);

}  // namespace mercator
