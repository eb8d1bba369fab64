#include "analysis/ablation.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mercator {
namespace {

void check_players(int players) {
  if (players < 1 || players > max_sampled_players)
    throw std::invalid_argument("ablation needs 1 to " + std::to_string(max_sampled_players) +
                                " players, not " + std::to_string(players));
}

}  // namespace

OneAtATimeEffects one_at_a_time_effects(int players, const CoalitionGame& game) {
  check_players(players);
  const Coalition all = grand_coalition(players);
  const double value_all = game(all);
  const double value_none = game(0);
  OneAtATimeEffects effects;
  for (int i = 0; i < players; ++i) {
    const Coalition bit = Coalition{1} << i;
    effects.leave_one_out.push_back(value_all - game(all & ~bit));
    effects.solo.push_back(game(bit) - value_none);
  }
  return effects;
}

std::vector<Coalition> ablation_coalitions(int players) {
  check_players(players);
  const Coalition all = grand_coalition(players);
  std::vector<Coalition> coalitions = {0, all};
  for (int i = 0; i < players; ++i) {
    const Coalition bit = Coalition{1} << i;
    coalitions.push_back(all & ~bit);
    coalitions.push_back(bit);
  }
  std::sort(coalitions.begin(), coalitions.end());
  coalitions.erase(std::unique(coalitions.begin(), coalitions.end()), coalitions.end());
  return coalitions;
}

}  // namespace mercator
