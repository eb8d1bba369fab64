#pragma once
// One-at-a-time effects of the players of a cooperative game, the classic
// ablation study beside the Shapley value:
//   leave-one-out  v(N) - v(N \ {i}): what is lost when i alone is removed;
//   solo           v({i}) - v(empty): what i does alone.
// In an additive game both equal the Shapley value. Where players interact
// they differ: leave-one-out counts a complementarity in full for every
// partner (a pair that only works together loses all of it to either one's
// removal), solo counts it for none, and Shapley splits it.
#include <vector>

#include "analysis/shapley.hpp"

namespace mercator {

struct OneAtATimeEffects {
  std::vector<double> leave_one_out;
  std::vector<double> solo;
};

// Evaluates the game on the 2k + 2 coalitions of ablation_coalitions.
OneAtATimeEffects one_at_a_time_effects(int players, const CoalitionGame& game);

// N, N \ {i} for each i, {i} for each i, and the empty coalition, sorted and
// distinct.
std::vector<Coalition> ablation_coalitions(int players);

}  // namespace mercator
