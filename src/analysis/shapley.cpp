#include "analysis/shapley.hpp"

#include <algorithm>
#include <bit>
#include <set>
#include <stdexcept>
#include <string>

#include "core/random_stream.hpp"

namespace mercator {
namespace {

void check_players(int players, int most) {
  if (players < 1 || players > most)
    throw std::invalid_argument("Shapley values need 1 to " + std::to_string(most) +
                                " players, not " + std::to_string(players));
}

Coalition player_bit(int player) { return Coalition{1} << player; }

}  // namespace

double shapley_weight(int players, int size) {
  // 1 / (k * C(k-1, s)), with C built as a product of ratios: no factorial
  // overflows, and exact for the sizes used here.
  double binomial = 1;
  for (int j = 1; j <= size; ++j) binomial = binomial * double(players - 1 - size + j) / double(j);
  return 1.0 / (double(players) * binomial);
}

std::vector<double> exact_shapley(int players, const CoalitionGame& game) {
  check_players(players, max_exact_players);
  const Coalition coalitions = grand_coalition(players) + 1;
  std::vector<double> value(coalitions);
  for (Coalition s = 0; s < coalitions; ++s) value[s] = game(s);
  std::vector<double> weight(static_cast<size_t>(players));
  for (int size = 0; size < players; ++size) weight[size] = shapley_weight(players, size);

  std::vector<double> phi(static_cast<size_t>(players), 0.0);
  for (int i = 0; i < players; ++i) {
    const Coalition bit = player_bit(i);
    for (Coalition s = 0; s < coalitions; ++s) {
      if (s & bit) continue;
      phi[i] += weight[std::popcount(s)] * (value[s | bit] - value[s]);
    }
  }
  return phi;
}

std::vector<JoiningOrder> random_joining_orders(int players, int count, uint64_t seed,
                                                uint64_t replicate) {
  check_players(players, max_sampled_players);
  std::vector<JoiningOrder> orders(static_cast<size_t>(std::max(count, 0)));
  for (size_t j = 0; j < orders.size(); ++j) {
    RandomStream stream(seed, Purpose::ExperimentDesign, replicate, j);
    JoiningOrder& order = orders[j];
    order.resize(static_cast<size_t>(players));
    for (int p = 0; p < players; ++p) order[p] = p;
    // Fisher-Yates: every permutation equally likely.
    for (int p = players - 1; p > 0; --p)
      std::swap(order[p], order[stream.below(static_cast<uint32_t>(p + 1))]);
  }
  return orders;
}

std::vector<double> sampled_shapley(int players, std::span<const JoiningOrder> orders,
                                    const CoalitionGame& game) {
  check_players(players, max_sampled_players);
  if (orders.empty()) throw std::invalid_argument("sampled Shapley values need at least one order");
  std::vector<double> phi(static_cast<size_t>(players), 0.0);
  for (const JoiningOrder& order : orders) {
    Coalition before = 0;
    double value_before = game(before);
    for (const int player : order) {
      const Coalition after = before | player_bit(player);
      const double value_after = game(after);
      phi[player] += value_after - value_before;
      before = after;
      value_before = value_after;
    }
  }
  for (double& value : phi) value /= double(orders.size());
  return phi;
}

std::vector<Coalition> joining_order_coalitions(int players, std::span<const JoiningOrder> orders) {
  check_players(players, max_sampled_players);
  std::set<Coalition> coalitions;
  for (const JoiningOrder& order : orders) {
    Coalition prefix = 0;
    coalitions.insert(prefix);
    for (const int player : order) coalitions.insert(prefix |= player_bit(player));
  }
  return {coalitions.begin(), coalitions.end()};
}

}  // namespace mercator
