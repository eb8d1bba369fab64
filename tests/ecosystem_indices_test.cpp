// Ecosystem advantage and health indices (analysis/advantage_index.hpp,
// analysis/health_index.hpp, analysis/robustness_index.hpp; docs/analysis.md):
// each index moves the way its concept says when the model is changed in a
// way that should move it, by more than its sampling noise, and holds its
// exact value where one is constructible (0 for a homogeneous population,
// without network effects, without ties; 1/7 with sellers alone).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/advantage_index.hpp"
#include "analysis/health_index.hpp"
#include "analysis/robustness_index.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

using test_support::run_scenario;
using test_support::series;

constexpr const char* kMechanisms = "tests/scenarios/mechanisms.toml";
constexpr const char* kShock = "tests/scenarios/shock.toml";

// The small ecosystem over two years (about half a second a run).
RunResults run_two_years(std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.begin(), "run.end_date=2011-12-31");
  return run_scenario(kMechanisms, overrides);
}

const RunResults& base_run() {
  static const RunResults results = run_two_years();
  return results;
}

const std::vector<std::string> kIndexNames = {
    "technology_index",        "relationship_index",  "innovation_index",   "connectivity_index",
    "interconnectivity_index", "aggregation_index",   "productivity_index", "robustness_index",
    "niche_creation_index",    "heterogeneity_index", "embeddedness_index", "reciprocity_index"};

// Mean of a stretch of days and its standard error, the days taken as
// independent draws (the daily sampling noise of agent counts).
struct Estimate {
  double mean = 0;
  double standard_error = 0;
};

Estimate estimate(const std::vector<double>& values, size_t first, size_t last) {
  const double count = double(last - first);
  const double mean = std::accumulate(values.begin() + first, values.begin() + last, 0.0) / count;
  double squares = 0;
  for (size_t day = first; day < last; ++day)
    squares += (values[day] - mean) * (values[day] - mean);
  return {mean, std::sqrt(squares / (count - 1) / count)};
}

// The last half year of a series of the ALL row.
Estimate last_half_year(const RunResults& results, const char* name) {
  const std::vector<double> values = series(results.metrics, name);
  return estimate(values, values.size() - 182, values.size());
}

// a exceeds b by more than four standard errors of the difference.
void expect_clearly_above(const Estimate& a, const Estimate& b, const char* what) {
  const double noise = 4.0 * std::hypot(a.standard_error, b.standard_error);
  EXPECT_GT(a.mean - b.mean, noise) << what << ": " << a.mean << " vs " << b.mean;
}

TEST(EcosystemIndices, AreColumnsOfMetricsWithinTheirRanges) {
  const MetricsTable& table = base_run().metrics;
  const std::vector<std::string>& names = table.series_names;
  ASSERT_GE(names.size(), kIndexNames.size());
  // The last twelve columns, in this order, with exactly these names.
  EXPECT_TRUE(std::equal(kIndexNames.begin(), kIndexNames.end(), names.end() - kIndexNames.size()));
  for (const std::string& name : kIndexNames) {
    const size_t column = size_t(table.series_index(name));
    for (size_t row = 0; row < table.row_count(); ++row) {
      const double value = table.value(row, column);
      ASSERT_TRUE(std::isfinite(value)) << name << " row " << row;
      ASSERT_GE(value, 0.0) << name << " row " << row;
      if (name != "productivity_index") ASSERT_LE(value, 1.0 + 1e-12) << name << " row " << row;
    }
  }
}

// technology: with probability q a slot comes from the needed category, else
// from the whole catalogue, so the expected matching share is
// q + (1 - q) sum_c d_c s_c: at least q, and at most q + (1 - q) / 4 while no
// category holds over twice its even share 1/8 of the listings (thousands of
// sellers spread evenly over 8 categories).
TEST(EcosystemIndices, TechnologyFollowsTheAlgorithmsMatchQuality) {
  for (const double quality : {0.2, 0.9}) {
    const RunResults results =
        run_two_years({"mechanisms.innovation.enabled=false",
                       "platforms.0.algorithm_quality_initial=" + std::to_string(quality)});
    const std::vector<double> technology = series(results.metrics, "technology_index");
    for (size_t day = 0; day < technology.size(); ++day) {
      ASSERT_GE(technology[day], quality - 1e-12) << "day " << day;
      ASSERT_LE(technology[day], quality + (1.0 - quality) / 4.0) << "day " << day;
    }
  }
  // Learning from data raises q; the index rises with it, by (1 - sum d s) >= 3/4 of the rise.
  const std::vector<double> quality = series(base_run().metrics, "algorithm_quality");
  const std::vector<double> technology = series(base_run().metrics, "technology_index");
  const double quality_rise = quality.back() - quality.front();
  ASSERT_GT(quality_rise, 0.05) << "the algorithm did not learn";
  EXPECT_GE(technology.back() - technology.front(), 0.75 * quality_rise);
}

// relationship: a higher churn hazard keeps fewer of the buyers who adopted.
TEST(EcosystemIndices, RelationshipFallsWhenBuyersChurnMore) {
  const RunResults churning = run_two_years({"buyers.churn_per_day=0.005"});
  expect_clearly_above(last_half_year(base_run(), "relationship_index"),
                       last_half_year(churning, "relationship_index"), "relationship_index");
  const std::vector<double> relationship = series(base_run().metrics, "relationship_index");
  EXPECT_LT(relationship.front(), 0.01);  // nobody active yet
}

// innovation: channels arrived x sellers' uptake / 4; none without the mechanism.
TEST(EcosystemIndices, InnovationCountsChannelsInUse) {
  const RunResults without = run_two_years({"mechanisms.innovation.enabled=false"});
  for (double value : series(without.metrics, "innovation_index")) ASSERT_EQ(value, 0.0);

  const std::vector<double> channels = series(base_run().metrics, "monetization_channels");
  const std::vector<double> innovation = series(base_run().metrics, "innovation_index");
  const auto arrival =
      std::find_if(channels.begin(), channels.end(), [](double c) { return c > 0; });
  ASSERT_LT(arrival - channels.begin(), 365) << "seed 1 has a channel in its first year";
  for (size_t day = 0; day < innovation.size(); ++day) {
    ASSERT_LE(innovation[day], channels[day] / 4.0 + 1e-12) << "day " << day;
  }
  // Sellers take the channels up as time goes on.
  EXPECT_GT(innovation.back(), innovation[size_t(arrival - channels.begin())] + 0.05);
}

// connectivity: a stronger penalty on cultural distance makes fewer sessions
// end in a match, seed by seed.
TEST(EcosystemIndices, ConnectivityFallsWithTheCulturalDistancePenalty) {
  for (const char* seed : {"run.seed=1", "run.seed=2"}) {
    const RunResults base = run_two_years({seed});
    const RunResults distant = run_two_years({seed, "buyers.culture_weight=6"});
    expect_clearly_above(last_half_year(base, "connectivity_index"),
                         last_half_year(distant, "connectivity_index"), seed);
  }
}

// interconnectivity: the cross-side term's share of the adoption hazard: none
// without network effects, more when the cross-side effect is stronger.
TEST(EcosystemIndices, InterconnectivityMeasuresTheCrossSideNetworkTerm) {
  const RunResults without = run_two_years({"mechanisms.network_effects.enabled=false"});
  for (double value : series(without.metrics, "interconnectivity_index")) ASSERT_EQ(value, 0.0);
  const RunResults stronger =
      run_two_years({"mechanisms.network_effects.cross_side_strength=0.001"});
  expect_clearly_above(last_half_year(stronger, "interconnectivity_index"),
                       last_half_year(base_run(), "interconnectivity_index"),
                       "interconnectivity_index");
}

// aggregation: sellers alone (no creators, providers, warehouses, loans,
// contracts or partners) are 1 kind of 7; the full ecosystem connects more.
TEST(EcosystemIndices, AggregationCountsComplementorKindsAndPartners) {
  const RunResults bare = run_two_years(
      {"population.creator_agents=0", "population.service_provider_agents=0",
       "mechanisms.contracts.enabled=false", "mechanisms.collaboration.enabled=false",
       "mechanisms.microfinance.enabled=false", "mechanisms.cooperation.enabled=false"});
  for (double value : series(bare.metrics, "aggregation_index")) ASSERT_DOUBLE_EQ(value, 1.0 / 7.0);
  const std::vector<double> full = series(base_run().metrics, "aggregation_index");
  EXPECT_GE(full.back(), 5.0 / 7.0);
  for (double value : full)
    ASSERT_NEAR(value * 7.0, std::round(value * 7.0), 1e-9) << "whole kinds";
}

// productivity: a better-matching algorithm sells more per active buyer.
TEST(EcosystemIndices, ProductivityRisesWithMatchQuality) {
  const RunResults poor = run_two_years(
      {"mechanisms.innovation.enabled=false", "platforms.0.algorithm_quality_initial=0.2"});
  const RunResults good = run_two_years(
      {"mechanisms.innovation.enabled=false", "platforms.0.algorithm_quality_initial=0.9"});
  expect_clearly_above(last_half_year(good, "productivity_index"),
                       last_half_year(poor, "productivity_index"), "productivity_index");
}

// niche creation: without entrants, no seller is under a year old after the
// first year, and no sales come from new sellers.
TEST(EcosystemIndices, NicheCreationNeedsNewSellers) {
  const RunResults closed = run_two_years({"sellers.entry_rate_per_day=0"});
  const std::vector<double> niche = series(closed.metrics, "niche_creation_index");
  for (size_t day = 366; day < niche.size(); ++day) ASSERT_EQ(niche[day], 0.0) << "day " << day;
  EXPECT_GT(series(base_run().metrics, "niche_creation_index").back(), 0.1);
}

TEST(EcosystemIndices, HeterogeneityIsZeroForOneKindOfSellerAndOneForAnEvenSpread) {
  const RunResults uniform = run_two_years(
      {"sellers.genuine_share=1", "sellers.counterfeit_share=0", "sellers.individual_share=1"});
  for (double value : series(uniform.metrics, "heterogeneity_index")) ASSERT_EQ(value, 0.0);
  EXPECT_GT(series(base_run().metrics, "heterogeneity_index").back(), 0.3);

  EcosystemIndexInputs inputs;
  inputs.seller_kinds.fill(7.0);
  EXPECT_NEAR(heterogeneity_index(inputs), 1.0, 1e-12);
  inputs.seller_kinds.fill(0.0);
  inputs.seller_kinds[0] = inputs.seller_kinds[4] = 5.0;
  EXPECT_NEAR(heterogeneity_index(inputs), std::log(2.0) / std::log(9.0), 1e-12);
}

// embeddedness: the ties come from contracts, warehouses (collaboration),
// training, outsourcing (self-organization) and loans (microfinance).
TEST(EcosystemIndices, EmbeddednessCountsSellersTies) {
  const RunResults untied = run_two_years(
      {"mechanisms.contracts.enabled=false", "mechanisms.collaboration.enabled=false",
       "mechanisms.training.enabled=false", "mechanisms.self_organization.enabled=false",
       "mechanisms.microfinance.enabled=false"});
  for (double value : series(untied.metrics, "embeddedness_index")) ASSERT_EQ(value, 0.0);
  EXPECT_GT(last_half_year(base_run(), "embeddedness_index").mean, 0.05);
}

// reciprocity: both sides gaining; a higher fixed cost leaves fewer sellers earning.
TEST(EcosystemIndices, ReciprocityFallsWhenSellersStopEarning) {
  const RunResults costly = run_two_years({"sellers.daily_overhead_usd=3"});
  expect_clearly_above(last_half_year(base_run(), "reciprocity_index"),
                       last_half_year(costly, "reciprocity_index"), "reciprocity_index");
  EcosystemIndexInputs inputs;
  inputs.happy_orders = 8;
  inputs.settled_orders = 10;
  inputs.profitable_sellers = 1;
  inputs.sellers_active = 4;
  EXPECT_DOUBLE_EQ(reciprocity_index(inputs), 0.8 * 0.25);
}

// Robustness on a synthetic series: trade at 100 a day falls to 20 for 30
// days and comes back. With a 14-day median the level is 20 once more than
// half the window is inside the fall (day 207) until it is no longer (day
// 236); the reference stays 100.
TEST(RobustnessIndex, FallsWithTradeAndRecovers) {
  std::vector<double> orders(400, 100.0);
  for (size_t day = 200; day < 230; ++day) orders[day] = 20.0;
  const std::vector<double> robustness = robustness_index(orders, IndexConfig{});
  for (size_t day = 0; day < 200; ++day) ASSERT_EQ(robustness[day], 1.0) << day;
  for (size_t day = 207; day < 236; ++day) ASSERT_EQ(robustness[day], 0.2) << day;
  for (size_t day = 237; day < 400; ++day) ASSERT_EQ(robustness[day], 1.0) << day;
  EXPECT_EQ(robustness_index(std::vector<double>(30, 0.0), IndexConfig{}).back(), 0.0)
      << "no trade yet";
}

// The shock scenario: sessions cut to a fifth from 2011-06-01 for 61 days.
// Orders are Poisson counts of mu agent orders a day; the median of 14 days
// has a relative standard deviation of about 1.2533 / sqrt(14 mu).
double median_relative_sd(double agent_orders_per_day, double days) {
  return 1.2533 / std::sqrt(days * agent_orders_per_day);
}

TEST(RobustnessIndex, ShockScenarioFallsAtTheShockAndRecoversAfterIt) {
  const RunResults results = run_scenario(kShock);
  const MetricsTable& table = results.metrics;
  const std::vector<double> robustness = series(table, "robustness_index");
  const std::vector<double> orders = series(table, "orders");
  const std::vector<double> active = series(table, "buyers_active");
  const std::vector<double> cancelled = series(table, "cancelled_orders");
  const size_t shock = 516, back = 577;  // 2011-06-01 and 2011-08-01
  ASSERT_EQ(table.day_dates[shock], "2011-06-01");
  ASSERT_EQ(table.day_dates[back], "2011-08-01");
  const size_t window = size_t(IndexConfig{}.robustness_level_days);
  const auto mean_orders = [&](size_t first, size_t last) {
    return std::accumulate(orders.begin() + first, orders.begin() + last, 0.0) /
           double(last - first) / results.buyers_per_agent;
  };

  const Estimate before = estimate(robustness, shock - 30, shock);
  EXPECT_GT(before.mean, 1.0 - 4.0 * median_relative_sd(mean_orders(shock - 30, shock), window));

  // Orders follow sessions (a fifth), scaled by the growth of active buyers
  // during the shock; fewer stock-outs can add at most the share of choices
  // turned away before it.
  const Estimate during = estimate(robustness, shock + window, back);
  const double growth = active[back - 1] / active[shock - 1];
  const double turned_away =
      std::accumulate(cancelled.begin() + shock - 30, cancelled.begin() + shock, 0.0) /
      std::accumulate(orders.begin() + shock - 30, orders.begin() + shock, 0.0);
  const double noise =
      4.0 * 0.2 * growth * median_relative_sd(mean_orders(shock + window, back), window);
  EXPECT_LT(during.mean, 0.2 * growth * (1.0 + turned_away) + noise);
  EXPECT_GT(during.mean, 0.2 - noise);

  const Estimate after = estimate(robustness, back + window, back + window + 90);
  EXPECT_GT(after.mean,
            1.0 - 4.0 * median_relative_sd(mean_orders(back + window, back + window + 90), window));
}

}  // namespace
}  // namespace mercator
