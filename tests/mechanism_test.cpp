// Mechanism tests (DESIGN.md "Testing"): switching a mechanism off changes
// the outcome it claims to drive (its header comment in src/mechanisms/), in
// the expected direction, beyond replication noise.
//
// Design: the base scenario tests/scenarios/mechanisms.toml is run with R
// seeds with every mechanism on, and with the same R seeds with one mechanism
// off (common random numbers: the pair shares every stream the mechanism
// does not touch). The outcome of a run is its value over the last year in
// the global row (a mean of the daily series, or a ratio of yearly sums).
// With d_i = on_i - off_i the paired differences, the test asserts
//   direction x mean(d) > 2.5 x se(d),  se(d) = sd(d) / sqrt(R),
// and direction x mean(d) > 0 (for outcomes that do not vary across seeds,
// se = 0). For a mechanism without effect, mean(d)/se(d) is Student-t with
// R - 1 degrees of freedom: P(t_3 > 2.5) = 0.044 and P(t_7 > 2.5) = 0.020, one
// sided; the seeds are fixed, so a given build passes or fails the same way
// every time. The effects asserted here stood at 5 to 250 se when written
// (the values in the comments, measured at commit db207c2 with 4 seeds
// unless said), so they do not sit at the threshold.
//
// Tests named DISABLED_ assert an effect a mechanism's documentation claims
// but the model does not produce beyond noise; each says why. They are kept
// (not weakened) so that they pass once the model is fixed:
//   ./mercator_tests --gtest_also_run_disabled_tests --gtest_filter='Mechanism*'
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace mercator {
namespace {

using test_support::mean_last_days;
using test_support::series;
using test_support::sum_last_days;

constexpr const char* kScenario = "tests/scenarios/mechanisms.toml";
constexpr int kYear = 365;
constexpr double kStandardErrors = 2.5;

// An outcome of one run, and the sign on - off is expected to have.
struct Outcome {
  std::string name;
  std::function<double(const MetricsTable&)> measure;
  int direction = +1;  // +1: the mechanism raises it (off lowers it); -1: the mechanism lowers it
};

Outcome mean_of(const std::string& series_name, int direction) {
  return {series_name + " (last-year mean)",
          [series_name](const MetricsTable& table) { return mean_last_days(table, series_name, kYear); },
          direction};
}

// A ratio of last-year sums, e.g. lost parcels per settled order.
Outcome ratio_of(const std::string& numerator, const std::string& denominator, int direction) {
  return {numerator + " / " + denominator + " (last year)",
          [numerator, denominator](const MetricsTable& table) {
            const double below = sum_last_days(table, denominator, kYear);
            return below > 0 ? sum_last_days(table, numerator, kYear) / below : 0.0;
          },
          direction};
}

// Runs the scenario with each set of overrides, two runs at a time (one
// thread each: a run's output does not depend on its thread count).
std::vector<RunResults> run_all(const std::vector<std::vector<std::string>>& override_sets) {
  std::vector<RunResults> results(override_sets.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t job = next++; job < override_sets.size(); job = next++) {
      results[job] = test_support::run_scenario(kScenario, override_sets[job], 1);
    }
  };
  auto other = std::async(std::launch::async, worker);
  worker();
  other.get();
  return results;
}

struct Effect {
  double mean_on = 0, mean_off = 0, mean_difference = 0, standard_error = 0;
};

Effect paired_effect(const std::vector<double>& on, const std::vector<double>& off) {
  const size_t replications = on.size();
  Effect effect;
  std::vector<double> differences;
  for (size_t i = 0; i < replications; ++i) {
    effect.mean_on += on[i] / replications;
    effect.mean_off += off[i] / replications;
    differences.push_back(on[i] - off[i]);
  }
  for (double d : differences) effect.mean_difference += d / replications;
  double squares = 0;
  for (double d : differences) squares += (d - effect.mean_difference) * (d - effect.mean_difference);
  effect.standard_error = std::sqrt(squares / (replications - 1) / replications);
  return effect;
}

// Switches `mechanism` off for seeds 1..replications and checks every outcome.
void expect_mechanism_drives(const std::string& mechanism, const std::vector<Outcome>& outcomes,
                             int replications = 4) {
  std::vector<std::vector<std::string>> override_sets;
  for (int seed = 1; seed <= replications; ++seed) {
    override_sets.push_back({"run.seed=" + std::to_string(seed)});
    override_sets.push_back({"run.seed=" + std::to_string(seed), "mechanisms." + mechanism + ".enabled=false"});
  }
  const std::vector<RunResults> runs = run_all(override_sets);
  std::vector<RunResults> on_runs, off_runs;
  for (size_t k = 0; k < runs.size(); ++k) (k % 2 == 0 ? on_runs : off_runs).push_back(runs[k]);

  for (const Outcome& outcome : outcomes) {
    std::vector<double> on, off;
    for (const RunResults& run : on_runs) on.push_back(outcome.measure(run.metrics));
    for (const RunResults& run : off_runs) off.push_back(outcome.measure(run.metrics));
    const Effect effect = paired_effect(on, off);
    const double signed_difference = outcome.direction * effect.mean_difference;
    std::printf("[effect] %-20s %-52s on %-12.6g off %-12.6g diff %-12.4g se %-10.3g (%d seeds)\n",
                mechanism.c_str(), outcome.name.c_str(), effect.mean_on, effect.mean_off,
                effect.mean_difference, effect.standard_error, replications);
    EXPECT_GT(signed_difference, kStandardErrors * effect.standard_error)
        << mechanism << " off should move " << outcome.name << (outcome.direction > 0 ? " down" : " up")
        << ": on " << effect.mean_on << ", off " << effect.mean_off << ", paired se " << effect.standard_error;
    EXPECT_GT(signed_difference, 0.0) << mechanism << ": " << outcome.name;
  }
}

// Rules: IP enforcement (detection at listing and per sale, delisting) keeps
// counterfeits out; the jury and penalties cut disputes.
// Measured: counterfeit share 0.0011 on vs 0.048 off (25 se); disputes 0.054 vs 0.073 (14 se).
TEST(MechanismEffect, RulesCutCounterfeitsAndDisputes) {
  expect_mechanism_drives("rules", {mean_of("counterfeit_share", -1), mean_of("dispute_rate", -1)});
}

// Contracts: contracted sellers ship on dedicated lines, with less delay and loss.
// Measured: delivery 6.70 vs 7.92 days (20 se); lost per settled 0.0041 vs 0.0064 (21 se).
TEST(MechanismEffect, ContractsShortenDeliveryAndCutLosses) {
  expect_mechanism_drives("contracts", {mean_of("delivery_days", -1),
                                        ratio_of("lost_parcels", "settled_orders", -1)});
}

// Self-organization: service providers appear where sellers are unserved;
// sellers that outsource save costs, which shows in prices.
// Measured: 146 vs 36 providers (250 se); mean price 5.74 vs 5.92 (6 se).
TEST(MechanismEffect, SelfOrganizationGrowsServiceProvidersAndCutsCosts) {
  expect_mechanism_drives("self_organization",
                          {mean_of("service_providers", +1), mean_of("mean_price_usd", -1)});
}

// Collaboration, overseas warehouses: stocked sellers deliver domestically.
// Measured: delivery 6.70 vs 8.23 days (32 se); warehouses open in the US,
// RU, ES and KR and about 6% of sellers stock them.
TEST(MechanismEffect, CollaborationWarehousesShortenDelivery) {
  expect_mechanism_drives("collaboration", {mean_of("delivery_days", -1)});
}

// Collaboration, shared demand forecasts (stock error sd 0.15 instead of
// 0.45) cut the inventory error: less excess stock held per unit of sales
// (MODEL.md 4.4 "lower inventory error and bullwhip"). Sellers restock
// weekly to forecast + safety stock and pay to hold what they keep
// (src/market/seller_dynamics.cpp restock()).
// Measured (seed 1): stock cover 16.9 days on vs 19.0 off. Stock-outs do not
// fall: a forecast error cuts both ways and a seller that runs out restocks
// the next morning.
TEST(MechanismEffect, CollaborationForecastsCutExcessStock) {
  expect_mechanism_drives("collaboration", {mean_of("stock_cover_days", -1)});
}

// Profit distribution: joining subsidies and a commission-free start draw sellers in.
// Measured: entries 756 vs 653 a day (200 se); active sellers 139,300 vs 119,600 (120 se).
TEST(MechanismEffect, ProfitDistributionDrawsSellersIn) {
  expect_mechanism_drives("profit_distribution",
                          {mean_of("sellers_entered", +1), mean_of("sellers_active", +1)});
}

// Competition: weekly, a seller selling below its category's average cuts
// its markup and one selling well above it (and running out) raises it;
// sales are skewed, so prices fall. Imitation moves markups too, so the
// effect is modest. Measured: mean price 5.308 on vs 5.426 off, diff
// -0.118, paired se 0.030 (8 seeds, 3.9 se).
TEST(MechanismEffect, CompetitionLowersPrices) {
  expect_mechanism_drives("competition", {mean_of("mean_price_usd", -1)}, 8);
}

// Innovation: the algorithm learns from data, so rankings match better.
// Measured: algorithm quality 0.882 vs 0.500 (120 se); match rate 0.812 vs 0.691 (34 se).
TEST(MechanismEffect, InnovationImprovesTheAlgorithmAndMatching) {
  expect_mechanism_drives("innovation", {mean_of("algorithm_quality", +1), mean_of("match_rate", +1)});
}

// Cooperation: local partners cut the liability of foreignness.
// Measured: localization 0.678 vs 0.489 (the same in every seed: se 0).
TEST(MechanismEffect, CooperationRaisesLocalization) {
  expect_mechanism_drives("cooperation", {mean_of("localization", +1)});
}

// Reputation: displayed ratings steer buyers to good sellers.
// Measured: counterfeit share 0.0011 vs 0.0027 (5 se); satisfaction 0.910 vs 0.817 (20 se).
TEST(MechanismEffect, ReputationCutsCounterfeitsAndRaisesSatisfaction) {
  expect_mechanism_drives("reputation", {mean_of("counterfeit_share", -1), mean_of("satisfaction_rate", +1)});
}

// Escrow: the guarantee raises trust, and trusted platforms are adopted.
// Measured: trust 1.000 vs 0.879 (78 se); penetration 0.481 vs 0.318 (65 se).
TEST(MechanismEffect, EscrowRaisesTrustAndPenetration) {
  expect_mechanism_drives("escrow", {mean_of("trust", +1), mean_of("penetration", +1)});
}

// Microfinance: loans are issued (and are issued only by this mechanism).
// Measured: 35 vs 0 loans a day (scaled by sellers_per_agent; 22 se).
TEST(MechanismEffect, MicrofinanceIssuesLoans) {
  expect_mechanism_drives("microfinance", {mean_of("loans_issued", +1)});
}

// Microfinance keeps sellers with a record from failing for want of cash:
// stock is paid upfront and sales come back through escrow weeks later, so a
// seller can run dry while profitable; a loan bridges the gap, and fewer
// sellers exit broke. Most exits are of unprofitable sellers, which credit
// cannot save, so the effect on the count of active sellers and on the age
// of the seller population is within replication noise (young-seller share
// 0.9016 on vs 0.9050 off, paired se 0.0021, 8 seeds): not asserted.
// Measured: broke exits per active seller 2.4e-5 on vs 5.2e-5 off, paired se
// 3.0e-6 (8 seeds).
TEST(MechanismEffect, MicrofinanceKeepsSellersFromGoingBroke) {
  expect_mechanism_drives("microfinance", {ratio_of("sellers_exited_broke", "sellers_active", -1)}, 8);
}

// Training: trained sellers' buyers are less often unhappy.
// Measured: satisfaction 0.910 vs 0.897 (13 se); disputes 0.054 vs 0.062 (15 se).
TEST(MechanismEffect, TrainingRaisesSatisfactionAndCutsDisputes) {
  expect_mechanism_drives("training", {mean_of("satisfaction_rate", +1), mean_of("dispute_rate", -1)});
}

// The adoption hazard of not-yet-active buyers (adoptions / (buyers - active))
// averaged over the days the global penetration is in [low, high).
double adoption_hazard_between(const MetricsTable& table, double low, double high) {
  const std::vector<double> penetration = series(table, "penetration");
  const std::vector<double> active = series(table, "buyers_active");
  const std::vector<double> adoptions = series(table, "adoptions");
  double total = 0;
  int days = 0;
  for (size_t day = 1; day < penetration.size(); ++day) {
    const double share = penetration[day - 1];  // at the start of the day
    if (share < low || share >= high || share <= 0) continue;
    const double buyers = active[day - 1] / share;
    total += adoptions[day] / (buyers - active[day - 1]);
    ++days;
  }
  return days > 0 ? total / days : 0.0;
}

// Network effects: value grows with the sellers and users already there, so
// adoption accelerates once penetration rises (tipping) and ends higher.
// Measured: penetration 0.481 vs 0.157 (68 se). Tipping: the adoption hazard
// at penetration 10-20% is 3.8 times the hazard below 5% with network
// effects, 2.5 times without (word of mouth alone), 22 se apart.
TEST(MechanismEffect, NetworkEffectsRaisePenetrationAndTip) {
  const Outcome acceleration{"adoption hazard at 10-20% / at 0-5% penetration",
                             [](const MetricsTable& table) {
                               const double early = adoption_hazard_between(table, 0.0, 0.05);
                               return early > 0 ? adoption_hazard_between(table, 0.10, 0.20) / early : 0.0;
                             },
                             +1};
  expect_mechanism_drives("network_effects", {mean_of("penetration", +1), acceleration});
}

// Internationalization: the platform enters markets beyond its launch set.
// Measured: 5 vs 4 markets (se 0); global penetration 0.481 vs 0.461 (10 se).
TEST(MechanismEffect, InternationalizationEntersMarkets) {
  expect_mechanism_drives("internationalization",
                          {mean_of("platform_presence", +1), mean_of("penetration", +1)});
}

}  // namespace
}  // namespace mercator
