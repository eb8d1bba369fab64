// The Taobao preset (scenarios/taobao.toml, FACTS.md C): one test per claim
// of issue 4 for this case, each with the band FACTS.md C states.
//
// Design: the preset runs with seeds 1..kSeeds (the base). A claim about a
// dated change is tested against its counterfactual: the same preset and
// seeds with the change's `set` event overridden to leave the parameter as it
// was (common random numbers: the pair shares every draw the change does not
// touch). With d_i = base_i - counterfactual_i the paired differences, a
// direction claim asserts that the 95% Student-t interval of mean(d)
// (analysis/confidence_interval.hpp) excludes 0 on the claimed side; a size
// claim asserts that the interval of the measured size meets the band of
// FACTS.md C. Where the sources give only a direction, only the direction is
// asserted. The seeds are fixed, so a build passes or fails the same way
// every time. Runs are cached and shared between the tests of this file.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "analysis/confidence_interval.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

using test_support::run_scenario;
using test_support::day_of;
using test_support::mean_between;
using test_support::series;

constexpr const char* kPreset = "scenarios/taobao.toml";
constexpr int kSeeds = 4;
// Positions of the dated policy changes in the preset's [[events]] list.
constexpr int kEscrowEvent = 0;
constexpr int kSearchRuleEvent = 1;
constexpr int kIdentityCheckEvent = 2;

std::vector<std::string> seeded(int seed, std::vector<std::string> overrides) {
  overrides.push_back("run.seed=" + std::to_string(seed));
  return overrides;
}

// Runs of the preset with one set of overrides, one per seed, cached by the
// overrides so that every test of the file shares them.
const std::vector<RunResults>& runs(const std::vector<std::string>& overrides) {
  static std::map<std::vector<std::string>, std::vector<RunResults>> cache;
  auto found = cache.find(overrides);
  if (found != cache.end()) return found->second;
  std::vector<RunResults> results;
  for (int seed = 1; seed <= kSeeds; ++seed)
    results.push_back(run_scenario(kPreset, seeded(seed, overrides)));
  return cache.emplace(overrides, std::move(results)).first->second;
}

const std::vector<RunResults>& base_runs() { return runs({}); }

// The counterfactual of a `set` event: it sets the parameter to `value`,
// its value before the event, so the change never happens. The event is
// named by position; `key` guards against a reordered preset.
std::vector<std::string> without_event(int event, const std::string& key, const std::string& value,
                                       const std::string& end_date) {
  const Scenario preset = load_scenario(kPreset, {});
  if (preset.config.events.size() <= size_t(event) ||
      preset.config.events[size_t(event)].key != key) {
    throw std::logic_error(std::string(kPreset) + ": event " + std::to_string(event) +
                           " should set " + key);
  }
  return {"events." + std::to_string(event) + ".value=\"" + value + "\"",
          "run.end_date=\"" + end_date + "\""};
}

double sum_between(const MetricsTable& table, const std::string& name, const std::string& first,
                   const std::string& last) {
  return mean_between(table, name, first, last) *
         double(day_of(table, last) - day_of(table, first) + 1);
}

// Active vendors around a date: the mean of the 30 days ending on it (or starting on it for the
// first day).
double vendors_near(const MetricsTable& table, const std::string& date) {
  const size_t day = day_of(table, date);
  const size_t from = day >= 29 ? day - 29 : 0;
  const std::vector<double> values = series(table, "sellers_active");
  double total = 0;
  for (size_t k = from; k < from + 30; ++k) total += values[k];
  return total / 30.0;
}

// Net vendors added a year over a growth stage.
double vendors_added_per_year(const MetricsTable& table, const std::string& first,
                              const std::string& last) {
  const double years = double(day_of(table, last) - day_of(table, first) + 1) / 365.25;
  return (vendors_near(table, last) - vendors_near(table, first)) / years;
}

template <typename Measure>
std::vector<double> paired_differences(const std::vector<RunResults>& base,
                                       const std::vector<RunResults>& other, Measure measure) {
  std::vector<double> differences;
  for (size_t k = 0; k < base.size(); ++k)
    differences.push_back(measure(base[k].metrics) - measure(other[k].metrics));
  return differences;
}

// Claim: vendor counts follow three growth stages, slow 2003-2005,
// accelerating 2006-2009, rapid from 2010 (FACTS.md C, county-level
// vendors: tens of thousands, then hundreds of thousands, then millions).
// Measured as the net vendors added a year in each stage (30-day means of
// sellers_active at the stage's ends). The preset has all of Taobao's
// vendors, not a county's, and FACTS.md C puts them at 6-8 million in 2012
// and about 7 million in 2013: the total had levelled off by then, so its
// rapid stage is taken as 2010-2012.
struct VendorStages {
  std::vector<double> slow, accelerating, rapid;  // vendors added a year, one per seed
};

VendorStages vendor_stages() {
  VendorStages stages;
  for (const RunResults& run : base_runs()) {
    stages.slow.push_back(vendors_added_per_year(run.metrics, "2003-05-10", "2005-12-31"));
    stages.accelerating.push_back(vendors_added_per_year(run.metrics, "2006-01-01", "2009-12-31"));
    stages.rapid.push_back(vendors_added_per_year(run.metrics, "2010-01-01", "2012-12-31"));
  }
  return stages;
}

// The band of both growth-stage claims: more vendors added a year in the
// later stage, the paired 95% interval of the step above 0.
void expect_faster_vendor_growth(const std::vector<double>& earlier, const std::string& earlier_years,
                                 const std::vector<double>& later, const std::string& later_years) {
  std::vector<double> steps;
  for (size_t k = 0; k < earlier.size(); ++k) steps.push_back(later[k] - earlier[k]);
  EXPECT_GT(mean_with_ci95(steps).low(), 0.0)
      << "vendors added a year: " << earlier_years << " " << mean_with_ci95(earlier).mean << ", "
      << later_years << " " << mean_with_ci95(later).mean;
}

// Band: more vendors are added a year in 2006-2009 than in 2003-2005, the
// paired 95% interval of the step above 0. Measured at this commit (4
// seeds): 0.13 million a year, then 0.51 million; step 0.38 million.
TEST(TaobaoPreset, VendorGrowthAcceleratesAfterASlowStart) {
  const VendorStages stages = vendor_stages();
  expect_faster_vendor_growth(stages.slow, "2003-2005", stages.accelerating, "2006-2009");
}

// Band: more vendors are added a year in 2010-2012 than in 2006-2009, the
// paired 95% interval of the step above 0. The preset's vendors follow its
// buyers, whose S-curve (fitted to the 2003-2008 trade figures) turns in
// 2009-2010; the rapid stage comes from the county-level vendors who join
// at scale from 2010 (the preset doubles the entry hazard then, an
// assumption sized by no source figure, docs/cases.md), net of the exits the
// 2010 search rule causes among tail vendors. Measured at this commit (4
// seeds): 0.51 million a year in 2006-2009, 1.51 million in 2010-2012; step
// 1.0 million.
TEST(TaobaoPreset, VendorGrowthIsRapidFrom2010) {
  const VendorStages stages = vendor_stages();
  expect_faster_vendor_growth(stages.accelerating, "2006-2009", stages.rapid, "2010-2012");
}

// Claim: 6-8 million Taobao vendors in 2012, about 7 million active vendors
// in 2013 (FACTS.md C). Band: the yearly mean of active vendors, averaged
// over the seeds, within 6-8 million in both years (the sources' own range;
// 2013 is out of sample in the calibration, docs/cases.md). Measured at
// this commit (4 seeds): 6.89 million (2012), 7.19 million (2013).
TEST(TaobaoPreset, ActiveVendorsAreSixToEightMillionIn2012And2013) {
  for (const auto& [first, last] :
       {std::pair{"2012-01-01", "2012-12-31"}, std::pair{"2013-01-01", "2013-12-31"}}) {
    std::vector<double> vendors;
    for (const RunResults& run : base_runs())
      vendors.push_back(mean_between(run.metrics, "sellers_active", first, last));
    const double mean = mean_with_ci95(vendors).mean;
    EXPECT_GE(mean, 6.0e6) << "active vendors " << first << " to " << last;
    EXPECT_LE(mean, 8.0e6) << "active vendors " << first << " to " << last;
  }
}

// Claim: escrow (first used 15 Oct 2003) raises adoption against the
// counterfactual without it (FACTS.md C; the sources give no size).
// Band: buyers' adoptions from the escrow date to the end of 2006 are
// higher with escrow, the paired 95% interval above 0. Measured at this
// commit (4 seeds): 11.5 +- 4.8 million more adoptions.
TEST(TaobaoPreset, EscrowRaisesAdoption) {
  const auto& without =
      runs(without_event(kEscrowEvent, "mechanisms.escrow.enabled", "false", "2006-12-31"));
  const auto adoptions = [](const MetricsTable& table) {
    return sum_between(table, "adoptions", "2003-10-15", "2006-12-31");
  };
  const MeanEstimate gain = mean_with_ci95(paired_differences(base_runs(), without, adoptions));
  EXPECT_GT(gain.low(), 0.0) << "extra adoptions with escrow " << gain.mean << " +- "
                             << gain.half_width;
}

// Claim: the 2010 search rules lowered small vendors' traffic and orders
// (FACTS.md C; no size given). Measured as the share of 30-day orders made
// by the sellers outside the top 20% (1 - top20_sales_share), averaged over
// the year after the rule (1 Jul 2010 - 30 Jun 2011). Band: lower than
// without the rule, the paired 95% interval below 0. Measured at this
// commit (4 seeds): 4.1 +- 0.2 points lower.
TEST(TaobaoPreset, SearchRule2010LowersSmallVendorsShareOfOrders) {
  const auto& without = runs(
      without_event(kSearchRuleEvent, "mechanisms.reputation.tournament_size", "3", "2011-06-30"));
  const auto small_vendors_share = [](const MetricsTable& table) {
    return 1.0 - mean_between(table, "top20_sales_share", "2010-07-01", "2011-06-30");
  };
  const MeanEstimate change =
      mean_with_ci95(paired_differences(base_runs(), without, small_vendors_share));
  EXPECT_LT(change.high(), 0.0) << "change in the small vendors' share " << change.mean << " +- "
                                << change.half_width;
}

// Claim: the 2012 real-identity checks for new vendors cut vendor cheating
// by 60-70% (FACTS.md C). Measured as the counterfeit share among active
// vendors under a year old on 30 Jun 2013, all of whom entered after the
// checks began (1 Jul 2012) and before the 2013 anti-counterfeiting rules,
// against the counterfactual without checks: reduction = 1 - with/without,
// per seed. Identity checks deter 65% of would-be cheats at entry
// (mechanisms.rules.identity_check_deterrence, from the same figure); the
// outcome also includes entrants who take up counterfeiting by imitating
// more profitable peers within their first year (or drop it), which checks
// at entry do not touch, and counterfeiters' higher exit by detection. Band:
// the 95% interval of the mean reduction meets 60-70%. Measured at this
// commit (4 seeds): 0.69 +- 0.11, around the 65% deterred at entry: in
// this preset the other paths do not dilute it measurably, but one day's
// share among a few hundred young seller agents is noisy.
TEST(TaobaoPreset, IdentityChecksCutCheatingAmongNewVendorsBySixtyToSeventyPercent) {
  const auto& without = runs(without_event(kIdentityCheckEvent, "mechanisms.rules.identity_checks",
                                           "false", "2013-06-30"));
  std::vector<double> reductions;
  for (int k = 0; k < kSeeds; ++k) {
    const auto cheating = [](const RunResults& run) {
      return series(run.metrics, "young_counterfeit_share")[day_of(run.metrics, "2013-06-30")];
    };
    const double counterfactual = cheating(without[k]);
    ASSERT_GT(counterfactual, 0.0)
        << "no counterfeiters among new vendors without checks, seed " << k + 1;
    reductions.push_back(1.0 - cheating(base_runs()[k]) / counterfactual);
  }
  const MeanEstimate reduction = mean_with_ci95(reductions);
  EXPECT_GE(reduction.high(), 0.60)
      << "reduction " << reduction.mean << " +- " << reduction.half_width;
  EXPECT_LE(reduction.low(), 0.70)
      << "reduction " << reduction.mean << " +- " << reduction.half_width;
}

// Claim: 11.11 peaks appear in orders, every 11 November from 2009
// (FACTS.md C), and the 2014 festival is bigger than 2013's (278 million
// orders in 2014 against over 100 million in 2013). Band: in every run,
// 11 November has more orders than any other day of its year, 2009-2014,
// and the 2014 festival day more orders than the 2013 one. (Seed 1 at this
// commit: 168 million orders in 2013, 194 million in 2014, short of 278
// million because sellers' stock runs out: docs/cases.md.)
TEST(TaobaoPreset, ElevenElevenPeaksAppearInOrdersFrom2009) {
  for (size_t k = 0; k < base_runs().size(); ++k) {
    const MetricsTable& table = base_runs()[k].metrics;
    const std::vector<double> orders = series(table, "orders");
    for (int year = 2009; year <= 2014; ++year) {
      const std::string festival = std::to_string(year) + "-11-11";
      const size_t first = day_of(table, std::to_string(year) + "-01-01");
      const size_t last = day_of(table, std::to_string(year) + "-12-31");
      const size_t peak = size_t(
          std::max_element(orders.begin() + first, orders.begin() + last + 1) - orders.begin());
      EXPECT_EQ(table.day_dates[peak], festival)
          << "seed " << k + 1 << ": the busiest day of " << year;
    }
    EXPECT_GT(orders[day_of(table, "2014-11-11")], orders[day_of(table, "2013-11-11")])
        << "seed " << k + 1;
  }
}

}  // namespace
}  // namespace mercator
