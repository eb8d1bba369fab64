// Shapley values and one-at-a-time effects on games whose values are known:
// additive games (every method recovers the coefficients), a pure
// interaction (Shapley splits it, leave-one-out counts it twice), a
// weighted quadratic game (exact values by formula, and the sampling error
// of random joining orders by formula), and replicated noisy games (common
// random numbers cancel shared noise; the 95% intervals cover).
#include "analysis/shapley.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <vector>

#include "analysis/ablation.hpp"
#include "analysis/shapley_estimates.hpp"
#include "core/random_stream.hpp"

namespace mercator {
namespace {

bool has(Coalition coalition, int player) { return (coalition >> player) & 1; }

// v(S) = c0 + sum of c_i over S.
CoalitionGame additive_game(double c0, std::vector<double> c) {
  return [c0, c = std::move(c)](Coalition s) {
    double value = c0;
    for (size_t i = 0; i < c.size(); ++i)
      if (has(s, static_cast<int>(i))) value += c[i];
    return value;
  };
}

// v(S) = (sum of w_i over S)^2. Expanding the square, it is an additive game
// (w_i^2) plus, for each pair, a game worth 2 w_i w_j when both are in,
// which Shapley splits evenly: phi_i = w_i^2 + sum_{j != i} w_i w_j = w_i W.
CoalitionGame quadratic_game(std::vector<double> w) {
  return [w = std::move(w)](Coalition s) {
    double total = 0;
    for (size_t i = 0; i < w.size(); ++i)
      if (has(s, static_cast<int>(i))) total += w[i];
    return total * total;
  };
}

// The standard deviation of one joining order's marginal contribution of
// player i in the quadratic game: (A + w_i)^2 - A^2 = 2 A w_i + w_i^2, A the
// weight of the players before i. Each other player precedes i with
// probability 1/2, two of them both do with probability 1/3, so
// Var A = Q / 4 + (R^2 - Q) / 12 (R, Q: sum and sum of squares of the
// others' weights), and the contribution's variance is 4 w_i^2 Var A.
double quadratic_contribution_sd(const std::vector<double>& w, size_t i) {
  double r = 0, q = 0;
  for (size_t j = 0; j < w.size(); ++j) {
    if (j == i) continue;
    r += w[j];
    q += w[j] * w[j];
  }
  const double variance_a = q / 4 + (r * r - q) / 12;
  return 2 * w[i] * std::sqrt(variance_a);
}

TEST(ShapleyWeights, AreTheSharesOfJoiningOrders) {
  EXPECT_DOUBLE_EQ(shapley_weight(3, 0), 1.0 / 3);  // 0! 2! / 3!
  EXPECT_DOUBLE_EQ(shapley_weight(3, 1), 1.0 / 6);  // 1! 1! / 3!
  EXPECT_DOUBLE_EQ(shapley_weight(3, 2), 1.0 / 3);
  EXPECT_DOUBLE_EQ(shapley_weight(5, 2), 2.0 * 2.0 / 120);  // 2! 2! / 5!
  // Over all coalitions without i, the weights sum to 1: sum_s C(k-1, s) w(s) = 1.
  for (int k = 1; k <= max_exact_players; ++k) {
    double total = 0;
    double binomial = 1;  // C(k-1, s)
    for (int s = 0; s < k; ++s) {
      total += binomial * shapley_weight(k, s);
      binomial = binomial * (k - 1 - s) / (s + 1);
    }
    EXPECT_NEAR(total, 1.0, 1e-12) << k << " players";
  }
}

TEST(Shapley, EveryMethodRecoversAnAdditiveGame) {
  const std::vector<double> c = {3.0, -1.5, 0.0, 7.25, 2.0};
  const CoalitionGame game = additive_game(10.0, c);
  const std::vector<double> exact = exact_shapley(5, game);
  const OneAtATimeEffects effects = one_at_a_time_effects(5, game);
  // Every order gives every player exactly c_i: sampled values are exact for any M.
  for (const int orders : {1, 3, 40}) {
    const std::vector<double> sampled =
        sampled_shapley(5, random_joining_orders(5, orders, 11, 0), game);
    for (size_t i = 0; i < c.size(); ++i) EXPECT_NEAR(sampled[i], c[i], 1e-12) << orders;
  }
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_NEAR(exact[i], c[i], 1e-12) << i;
    EXPECT_NEAR(effects.leave_one_out[i], c[i], 1e-12) << i;
    EXPECT_NEAR(effects.solo[i], c[i], 1e-12) << i;
  }
}

TEST(Shapley, SplitsAPureInteractionWhereAblationCountsItTwice) {
  // v(S) = 1 when players 1 and 3 are both in S (4 players).
  const CoalitionGame game = [](Coalition s) { return has(s, 1) && has(s, 3) ? 1.0 : 0.0; };
  const std::vector<double> phi = exact_shapley(4, game);
  EXPECT_NEAR(phi[0], 0.0, 1e-15);
  EXPECT_NEAR(phi[1], 0.5, 1e-15);
  EXPECT_NEAR(phi[2], 0.0, 1e-15);
  EXPECT_NEAR(phi[3], 0.5, 1e-15);
  const OneAtATimeEffects effects = one_at_a_time_effects(4, game);
  EXPECT_EQ(effects.leave_one_out, (std::vector<double>{0, 1, 0, 1}));  // sums to 2, not 1
  EXPECT_EQ(effects.solo, (std::vector<double>{0, 0, 0, 0}));           // sums to 0
  // Sampled: player 1 gets the whole 1 in the orders where it joins after
  // player 3 (probability 1/2), so its estimate is a binomial share with sd
  // sqrt(1/4 / M); allow 4 sd.
  const int orders = 400;
  const std::vector<double> sampled =
      sampled_shapley(4, random_joining_orders(4, orders, 5, 0), game);
  EXPECT_NEAR(sampled[1], 0.5, 4 * std::sqrt(0.25 / orders));
  EXPECT_DOUBLE_EQ(sampled[1] + sampled[3], 1.0);
  EXPECT_EQ(sampled[0], 0.0);
  EXPECT_EQ(sampled[2], 0.0);
}

TEST(Shapley, ExactValuesAreEfficient) {
  // A game with an arbitrary value on every coalition of 8 players.
  const CoalitionGame game = [](Coalition s) {
    RandomStream stream(1, Purpose::Test, 0, s);
    return 1000.0 * stream.normal();
  };
  const std::vector<double> phi = exact_shapley(8, game);
  const double total = std::accumulate(phi.begin(), phi.end(), 0.0);
  // Exact up to the rounding of 2^7 weighted terms of size ~1000 per player.
  EXPECT_NEAR(total, game(grand_coalition(8)) - game(0), 1e-9);
  const std::vector<double> sampled = sampled_shapley(8, random_joining_orders(8, 7, 3, 0), game);
  EXPECT_NEAR(std::accumulate(sampled.begin(), sampled.end(), 0.0),
              game(grand_coalition(8)) - game(0), 1e-9);
}

TEST(Shapley, ExactValuesOfAQuadraticGameFollowTheFormula) {
  const std::vector<double> w = {1.0, 2.0, 0.5, 3.0, 0.0, 1.5};
  const double total_weight = std::accumulate(w.begin(), w.end(), 0.0);
  const std::vector<double> phi = exact_shapley(6, quadratic_game(w));
  for (size_t i = 0; i < w.size(); ++i) EXPECT_NEAR(phi[i], w[i] * total_weight, 1e-12) << i;
}

TEST(Shapley, SampledErrorShrinksAsOneOverSquareRootOfOrders) {
  // For each M, 400 independent estimates (one per replicate stream): the
  // squared error in units of the formula's standard error sd / sqrt(M) has
  // mean 1 whatever the distribution; its sample mean has sd at most
  // sqrt(2 / 400) (the sampled mean is near normal, kurtosis near 3), so
  // allow 4 of those. Passing at M = 20 and M = 320 means the error falls
  // as 1 / sqrt(M), with the predicted constant.
  const std::vector<double> w = {1.0, 2.0, 0.5, 3.0, 0.0, 1.5};
  const double total_weight = std::accumulate(w.begin(), w.end(), 0.0);
  const CoalitionGame game = quadratic_game(w);
  const int trials = 400;
  for (const int orders : {20, 320}) {
    for (const size_t player : {size_t{1}, size_t{3}}) {
      const double standard_error = quadratic_contribution_sd(w, player) / std::sqrt(orders);
      double squared_z = 0;
      for (int trial = 0; trial < trials; ++trial) {
        const std::vector<double> phi =
            sampled_shapley(6, random_joining_orders(6, orders, 9, trial), game);
        const double z = (phi[player] - w[player] * total_weight) / standard_error;
        squared_z += z * z;
      }
      EXPECT_NEAR(squared_z / trials, 1.0, 4 * std::sqrt(2.0 / trials))
          << "M = " << orders << ", player " << player;
    }
  }
}

TEST(JoiningOrders, AreReproduciblePermutationsThatExtend) {
  const std::vector<JoiningOrder> orders = random_joining_orders(6, 50, 4, 2);
  ASSERT_EQ(orders.size(), 50u);
  for (const JoiningOrder& order : orders) {
    JoiningOrder sorted = order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (JoiningOrder{0, 1, 2, 3, 4, 5}));
  }
  EXPECT_EQ(random_joining_orders(6, 50, 4, 2), orders);
  const std::vector<JoiningOrder> more = random_joining_orders(6, 80, 4, 2);
  EXPECT_TRUE(std::equal(orders.begin(), orders.end(), more.begin()));
  EXPECT_NE(random_joining_orders(6, 50, 4, 3), orders);  // another replicate
  EXPECT_NE(random_joining_orders(6, 50, 5, 2), orders);  // another seed
}

TEST(JoiningOrders, PutEveryPlayerFirstEquallyOften) {
  // 6000 orders of 6 players: each first-place count is binomial(6000, 1/6),
  // mean 1000, sd sqrt(6000 / 6 * 5 / 6) = 28.9; allow 4 sd.
  std::vector<int> first(6, 0);
  for (const JoiningOrder& order : random_joining_orders(6, 6000, 8, 0)) ++first[order[0]];
  for (int player = 0; player < 6; ++player) EXPECT_NEAR(first[player], 1000, 4 * 28.9) << player;
}

TEST(JoiningOrders, SampledValuesReadOnlyTheListedCoalitions) {
  const std::vector<JoiningOrder> orders = random_joining_orders(7, 5, 1, 0);
  const std::vector<Coalition> listed = joining_order_coalitions(7, orders);
  const std::set<Coalition> allowed(listed.begin(), listed.end());
  EXPECT_EQ(allowed.size(), listed.size());
  EXPECT_TRUE(allowed.count(0));
  EXPECT_TRUE(allowed.count(grand_coalition(7)));
  EXPECT_LE(listed.size(), 5u * 6 + 2);  // each order adds at most its 6 inner prefixes
  std::set<Coalition> read;
  sampled_shapley(7, orders, [&](Coalition s) {
    read.insert(s);
    return double(s);
  });
  EXPECT_EQ(read, allowed);
}

// v_r(S) = c0 + sum_{i in S} c_i + common_r + own_{r,S}: common_r is shared by
// every coalition of replicate r (what common random numbers give), own_{r,S}
// is each run's own noise. Noise is a fixed function of (trial, r, S).
ReplicatedGame noisy_additive_game(std::vector<double> c, double common_sd, double own_sd,
                                   uint64_t trial) {
  const CoalitionGame mean_value = additive_game(50.0, std::move(c));
  return [=](int replicate, Coalition s) {
    RandomStream common(trial, Purpose::Test, static_cast<uint64_t>(replicate), ~Coalition{0});
    RandomStream own(trial, Purpose::Test, static_cast<uint64_t>(replicate), s);
    return mean_value(s) + common_sd * common.normal() + own_sd * own.normal();
  };
}

TEST(ShapleyEstimates, CommonRandomNumbersCancelTheSharedNoise) {
  // Shared noise of sd 100 and own noise of sd 0.1: a paired estimate sees
  // only the own noise. A replicate's Shapley value is c_i plus
  // sum_S w(|S|) (own_{S+i} - own_S), every coalition's own noise appearing
  // once, so its sd is 0.1 sqrt(2 sum_s C(3, s) w(s)^2) = 0.058 for 4
  // players; its leave-one-out effect has sd 0.1 sqrt(2). The means of 5
  // replicates must fall within 4 of their sd / sqrt(5) of c_i, and the
  // intervals stay narrow (unpaired, they would be ~100 wide).
  const std::vector<double> c = {4.0, -2.0, 0.5, 1.0};
  const double own_sd = 0.1;
  const AttributionDesign design{4, 5, 0, 1};
  const AttributionEstimate estimate =
      estimate_attribution(design, noisy_additive_game(c, 100.0, own_sd, 1));
  double weight_squares = 0;
  for (int s = 0, binomial = 1; s < 4; binomial = binomial * (3 - s) / (s + 1), ++s)
    weight_squares += binomial * shapley_weight(4, s) * shapley_weight(4, s);
  const double shapley_sd = own_sd * std::sqrt(2 * weight_squares);
  const double ablation_sd = own_sd * std::sqrt(2.0);
  for (size_t i = 0; i < c.size(); ++i) {
    const PlayerEstimate& player = estimate.players[i];
    EXPECT_NEAR(player.shapley.mean, c[i], 4 * shapley_sd / std::sqrt(5.0)) << i;
    EXPECT_NEAR(player.leave_one_out.mean, c[i], 4 * ablation_sd / std::sqrt(5.0)) << i;
    EXPECT_NEAR(player.solo.mean, c[i], 4 * ablation_sd / std::sqrt(5.0)) << i;
    EXPECT_LT(player.shapley.half_width, 1.0) << i;
    EXPECT_LT(player.leave_one_out.half_width, 1.0) << i;
  }
  EXPECT_GT(estimate.grand_value.half_width, 10.0);  // the shared noise is there
  EXPECT_NEAR(estimate.total_change.mean, 4.0 - 2.0 + 0.5 + 1.0, 4 * ablation_sd / std::sqrt(5.0));
  EXPECT_LT(estimate.largest_efficiency_gap, 1e-9);
}

TEST(ShapleyEstimates, IntervalsCoverTheTrueValuesNinetyFivePercentOfTheTime) {
  // Each replicate's Shapley value (and leave-one-out effect) is c_i plus a
  // sum of normal noises, so the Student-t interval over 5 replicates has
  // exact 95% coverage. Over 400 independent attributions coverage is
  // binomial, sd sqrt(0.95 * 0.05 / 400) = 0.0109; allow 4 sd.
  const std::vector<double> c = {4.0, -2.0, 0.5, 1.0};
  const AttributionDesign design{4, 5, 0, 1};
  const int trials = 400;
  std::vector<int> shapley_covered(c.size(), 0), ablation_covered(c.size(), 0);
  for (int trial = 0; trial < trials; ++trial) {
    const AttributionEstimate estimate = estimate_attribution(
        design, noisy_additive_game(c, 30.0, 1.0, static_cast<uint64_t>(trial) + 100));
    for (size_t i = 0; i < c.size(); ++i) {
      const PlayerEstimate& player = estimate.players[i];
      if (player.shapley.low() <= c[i] && c[i] <= player.shapley.high()) ++shapley_covered[i];
      if (player.leave_one_out.low() <= c[i] && c[i] <= player.leave_one_out.high())
        ++ablation_covered[i];
    }
  }
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_NEAR(double(shapley_covered[i]) / trials, 0.95, 4 * 0.0109) << "shapley " << i;
    EXPECT_NEAR(double(ablation_covered[i]) / trials, 0.95, 4 * 0.0109) << "ablation " << i;
  }
}

TEST(ShapleyEstimates, ReadOnlyTheDesignsCoalitions) {
  // Exact and sampled designs: the estimate must read nothing that
  // design_coalitions did not list, since only those runs are made.
  for (const int orders : {0, 4}) {
    const AttributionDesign design{5, 3, orders, 21};
    std::vector<std::set<Coalition>> listed(3);
    for (int r = 0; r < 3; ++r) {
      const std::vector<Coalition> coalitions = design_coalitions(design, r);
      listed[r] = {coalitions.begin(), coalitions.end()};
    }
    if (orders == 0) EXPECT_EQ(listed[0].size(), 32u);
    if (orders > 0) EXPECT_NE(listed[0], listed[1]) << "replicates draw their own orders";
    std::vector<std::set<Coalition>> read(3);
    const AttributionEstimate estimate =
        estimate_attribution(design, [&](int replicate, Coalition s) {
          read[replicate].insert(s);
          return std::sqrt(double(s)) + replicate;
        });
    for (int r = 0; r < 3; ++r) EXPECT_EQ(read[r], listed[r]) << "orders " << orders << " r " << r;
    EXPECT_LT(estimate.largest_efficiency_gap, 1e-12);
  }
}

}  // namespace
}  // namespace mercator
