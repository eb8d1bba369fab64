#include "analysis/shapley_estimates.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <stdexcept>

#include "analysis/ablation.hpp"

namespace mercator {
namespace {

void check_design(const AttributionDesign& design) {
  if (design.replications < 1) throw std::invalid_argument("attribution needs a replicate");
  if (design.joining_orders < 0) throw std::invalid_argument("negative count of joining orders");
}

// One replicate's values per player, of each kind.
struct ReplicateValues {
  std::vector<double> shapley;
  OneAtATimeEffects one_at_a_time;
  double grand = 0;
  double empty = 0;
};

ReplicateValues replicate_values(const AttributionDesign& design, int replicate,
                                 const ReplicatedGame& game) {
  const CoalitionGame value = [&](Coalition coalition) { return game(replicate, coalition); };
  ReplicateValues values;
  if (design.exact()) {
    values.shapley = exact_shapley(design.players, value);
  } else {
    const std::vector<JoiningOrder> orders = random_joining_orders(
        design.players, design.joining_orders, design.seed, static_cast<uint64_t>(replicate));
    values.shapley = sampled_shapley(design.players, orders, value);
  }
  values.one_at_a_time = one_at_a_time_effects(design.players, value);
  values.grand = value(grand_coalition(design.players));
  values.empty = value(0);
  return values;
}

}  // namespace

std::vector<Coalition> design_coalitions(const AttributionDesign& design, int replicate) {
  check_design(design);
  std::vector<Coalition> shapley;
  if (design.exact()) {
    if (design.players < 1 || design.players > max_exact_players)
      throw std::invalid_argument("too many players for exact Shapley values");
    shapley.resize(grand_coalition(design.players) + 1);
    std::iota(shapley.begin(), shapley.end(), Coalition{0});
  } else {
    const std::vector<JoiningOrder> orders = random_joining_orders(
        design.players, design.joining_orders, design.seed, static_cast<uint64_t>(replicate));
    shapley = joining_order_coalitions(design.players, orders);
  }
  const std::vector<Coalition> ablation = ablation_coalitions(design.players);
  std::vector<Coalition> all;
  std::set_union(shapley.begin(), shapley.end(), ablation.begin(), ablation.end(),
                 std::back_inserter(all));
  return all;
}

AttributionEstimate estimate_attribution(const AttributionDesign& design,
                                         const ReplicatedGame& game) {
  check_design(design);
  const size_t players = static_cast<size_t>(design.players);
  const size_t replications = static_cast<size_t>(design.replications);
  // [player][replicate] for each kind, then the estimate of each row.
  std::vector<std::vector<double>> shapley(players), leave_one_out(players), solo(players);
  std::vector<double> grand, empty, total;
  AttributionEstimate estimate;
  for (size_t r = 0; r < replications; ++r) {
    const ReplicateValues values = replicate_values(design, static_cast<int>(r), game);
    double shapley_sum = 0;
    for (size_t i = 0; i < players; ++i) {
      shapley[i].push_back(values.shapley[i]);
      leave_one_out[i].push_back(values.one_at_a_time.leave_one_out[i]);
      solo[i].push_back(values.one_at_a_time.solo[i]);
      shapley_sum += values.shapley[i];
    }
    grand.push_back(values.grand);
    empty.push_back(values.empty);
    total.push_back(values.grand - values.empty);
    // A NaN value (an outcome the run could not compute) must show, not vanish in max().
    const double gap = std::abs(shapley_sum - total.back());
    if (std::isnan(gap) || gap > estimate.largest_efficiency_gap)
      estimate.largest_efficiency_gap = gap;
  }
  for (size_t i = 0; i < players; ++i) {
    estimate.players.push_back(
        {mean_with_ci95(shapley[i]), mean_with_ci95(leave_one_out[i]), mean_with_ci95(solo[i])});
  }
  estimate.grand_value = mean_with_ci95(grand);
  estimate.empty_value = mean_with_ci95(empty);
  estimate.total_change = mean_with_ci95(total);
  return estimate;
}

}  // namespace mercator
