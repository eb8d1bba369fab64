// The TikTok preset (scenarios/tiktok.toml) against what the TikTok paper
// reports (domain/FACTS.md section B). One test per claim of the issue; each
// band is stated with its source. docs/cases.md ("TikTok") explains the
// preset and its calibration.
//
// The runs use seed 3: the calibration fitted the preset with seeds 1 and 2,
// so these runs are out of the fit's sample (other seeds, same parameters).
// The preset has one platform, so the metrics table (which adds up every
// platform in a market) is about TikTok alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "mercator/scenario.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

using test_support::run_scenario;
using test_support::day_of;
using test_support::series;

constexpr const char* kPreset = "scenarios/tiktok.toml";
constexpr const char* kSeed = "run.seed=3";

// The preset run once, shared by the tests that only read it.
const RunResults& preset_run() {
  static const RunResults results = run_scenario(kPreset, {kSeed});
  return results;
}

double value_on(const MetricsTable& table, const std::string& name, const std::string& market,
                const std::string& date) {
  return series(table, name, market)[day_of(table, date)];
}

// The date each market was entered (market_entry events).
std::map<std::string, std::string> entry_dates(const RunResults& results) {
  std::map<std::string, std::string> dates;
  for (const EventRecord& event : results.events) {
    if (event.type == "market_entry" && !dates.count(event.market))
      dates[event.market] = event.date;
  }
  return dates;
}

std::string first_event_date(const RunResults& results, const std::string& type) {
  for (const EventRecord& event : results.events) {
    if (event.type == type) return event.date;
  }
  return "";
}

// FACTS.md B: launch in Japan and Korea (May 2017); global launch Aug 2017
// with early focus on Southeast Asia, India and Brazil; the merger brings
// North America (Aug 2018); then the spend tiers S, A, B (the 2018 push)
// and C. The stage-1 and merger dates are the preset's dated events, so the
// band is the day itself; the tier entries come from the `tiered` strategy,
// and the claim is their order: every S, A and B market with the 2018 push,
// every C market after all of them.
TEST(TikTokPreset, MarketsEnterInTheDocumentedOrder) {
  const RunResults& results = preset_run();
  const std::map<std::string, std::string> entered = entry_dates(results);
  const std::vector<std::string>& codes = results.metrics.market_codes;
  ASSERT_EQ(entered.size(), codes.size() - 1) << "every market is entered by the end of 2022";

  for (const char* code : {"JP", "KR"}) EXPECT_EQ(entered.at(code), "2017-05-01") << code;
  for (const char* code : {"TH", "VN", "ID", "MY", "PH", "SG", "IN", "BR"}) {
    EXPECT_EQ(entered.at(code), "2017-08-01") << code;
  }
  for (const char* code : {"US", "CA"}) EXPECT_EQ(entered.at(code), "2018-08-02") << code;

  const std::set<std::string> stage1 = {"JP", "KR", "TH", "VN", "ID", "MY",
                                        "PH", "SG", "IN", "BR", "US", "CA"};
  const std::set<std::string> tiers_sab = {"GB", "DE", "FR", "IT", "ES", "NL", "BE", "AT",
                                           "CH", "SE", "PL", "RU", "RO", "CZ", "UA"};
  std::string last_sab;
  for (const std::string& code : tiers_sab) {
    EXPECT_EQ(entered.at(code), "2018-08-02")
        << code << ": S, A and B tiers come with the 2018 push";
    last_sab = std::max(last_sab, entered.at(code));
  }
  // Stage-1 markets outside the S, A and B lists are C tier too.
  const std::set<std::string> stage1_c_tier = {"TH", "VN", "MY", "PH", "SG"};
  int c_tier = static_cast<int>(stage1_c_tier.size());
  for (size_t m = 0; m + 1 < codes.size(); ++m) {
    if (stage1.count(codes[m]) || tiers_sab.count(codes[m])) continue;
    ++c_tier;
    EXPECT_GT(entered.at(codes[m]), last_sab) << codes[m] << ": C tier after S, A and B";
  }
  // FACTS.md B: the C tier held 20-30 countries.
  EXPECT_GE(c_tier, 20);
  EXPECT_LE(c_tier, 30);
}

// FACTS.md B: over 2 billion downloads by end 2020, about 1.8 billion of them
// outside China; about 700 million monthly actives end 2020. The preset
// leaves China out and its 52 markets hold about 0.8 of the internet users
// outside China (scenarios/tiktok.toml, [world]), so the figures for the
// simulated markets are 0.8 x 1.8 billion downloads (buyers_aware, the
// cumulative adopters) and 0.8 x 700 million monthly actives (buyers_active).
// Band: 0.5x to 2x of each (the band for the downloads figure).
TEST(TikTokPreset, DownloadsReachAboutTwoBillionByEnd2020) {
  const MetricsTable& table = preset_run().metrics;
  constexpr double kCoverage = 0.8;
  const double downloads = kCoverage * 1.8e9;
  const double monthly_actives = kCoverage * 7.0e8;
  const double aware = value_on(table, "buyers_aware", "ALL", "2020-12-31");
  const double active = value_on(table, "buyers_active", "ALL", "2020-12-31");
  EXPECT_GE(aware, 0.5 * downloads);
  EXPECT_LE(aware, 2.0 * downloads);
  EXPECT_GE(active, 0.5 * monthly_actives);
  EXPECT_LE(active, 2.0 * monthly_actives);
}

// FACTS.md B: the Musical.ly merger (Aug 2018) moves its North American
// users over. The preset's merger event makes a share m of the US and
// Canadian buyers who are not yet active active on 2018-08-02. The step on
// that day, less the day's ordinary adoptions and plus its churns, is the
// merged count: Binomial(N - active the day before, m) in agents, so it
// must lie within 4 sd of its mean. And it must be a step: larger than ten
// times the largest daily change of the 30 days before.
TEST(TikTokPreset, MergerStepsUpNorthAmericanUsers) {
  const RunResults& results = preset_run();
  const MetricsTable& table = results.metrics;
  const Scenario scenario = load_scenario(kPreset, {kSeed});
  double share = -1;
  for (const ScheduledEvent& event : scenario.config.events) {
    if (event.type == "merger") share = event.multiplier;
  }
  ASSERT_GT(share, 0.0) << "the preset has a merger event";

  const int merger_day = static_cast<int>(day_of(table, "2018-08-02"));
  double step = 0, ordinary = 0, before = 0, agents = 0, largest_earlier_change = 0;
  std::vector<double> north_america(static_cast<size_t>(merger_day) + 1, 0.0);
  for (const char* code : {"US", "CA"}) {
    const std::vector<double> active = series(table, "buyers_active", code);
    const std::vector<double> adoptions = series(table, "adoptions", code);
    const std::vector<double> churns = series(table, "churns", code);
    step += active[merger_day] - active[merger_day - 1];
    ordinary += adoptions[merger_day] - churns[merger_day];
    before += active[merger_day - 1];
    for (int day = 0; day <= merger_day; ++day) north_america[day] += active[day];
    // Buyer agents of the market: penetration = active agents / agents.
    agents += active[merger_day] / results.buyers_per_agent /
              series(table, "penetration", code)[merger_day];
  }
  for (int day = merger_day - 30; day < merger_day; ++day) {
    largest_earlier_change =
        std::max(largest_earlier_change, std::abs(north_america[day] - north_america[day - 1]));
  }
  const double merged = (step - ordinary) / results.buyers_per_agent;
  const double eligible = agents - before / results.buyers_per_agent;
  const double expected = share * eligible;
  const double sd = std::sqrt(eligible * share * (1 - share));
  EXPECT_NEAR(merged, expected, 4 * sd) << "merged agents on the merger day";
  EXPECT_GT(step, 10 * largest_earlier_change) << "a step, not the trend";
}

// FACTS.md B: a market tips into self-sustaining growth once daily-active
// penetration reaches about 20-30%. Counterfactual: the preset with all
// acquisition spend stopped on 2020-01-01 (the budget set to 0 by the event
// that in the preset raises the C tier's spend in Jun 2020, so the two runs
// are identical until then). Over the following year, markets whose
// penetration was at least 30% the day before (past the band) must keep
// growing, and markets below 20% (short of it) must shrink: the tipping
// point lies in the band. And the growth past the band must come from the
// network effects ("word of mouth and network externality"): with them
// switched off on the same day as well (by the event that in the preset
// switches innovation on in May 2020, so again identical until the stop),
// the markets past the band must shrink too. Noise: a group's active count
// is a sum of agents, so its relative change is significant when it exceeds
// 3 / sqrt(active agents at the start) (3 Poisson sd).
struct MarketGroup {
  double start = 0, end = 0;  // active buyers (people) on the two days
  int markets = 0;
  double growth() const { return end / start - 1; }
  // 3 Poisson sd of the relative change of a count of `start` agents.
  double noise(double buyers_per_agent) const { return 3.0 / std::sqrt(start / buyers_per_agent); }
};

// Markets grouped by their penetration on `from`: at least `past` and below
// `short_of`; active buyers on `from` and `to`.
std::pair<MarketGroup, MarketGroup> groups_by_penetration(const MetricsTable& table,
                                                          const std::string& from,
                                                          const std::string& to, double short_of,
                                                          double past) {
  MarketGroup past_band, short_of_band;
  const int start = static_cast<int>(day_of(table, from));
  const int end = static_cast<int>(day_of(table, to));
  for (size_t m = 0; m + 1 < table.market_codes.size(); ++m) {
    const std::string& code = table.market_codes[m];
    const double penetration = series(table, "penetration", code)[start];
    MarketGroup* group = penetration >= past      ? &past_band
                         : penetration < short_of ? &short_of_band
                                                  : nullptr;
    if (group == nullptr) continue;
    const std::vector<double> active = series(table, "buyers_active", code);
    group->start += active[start];
    group->end += active[end];
    ++group->markets;
  }
  return {past_band, short_of_band};
}

// --set overrides that turn the preset's event with `key` into
// "set `new_key` to `value` on `date`".
std::vector<std::string> reuse_event(const Scenario& scenario, const std::string& key,
                                     const std::string& date, const std::string& new_key,
                                     const std::string& value) {
  for (size_t e = 0; e < scenario.config.events.size(); ++e) {
    if (scenario.config.events[e].key != key) continue;
    const std::string event = "events." + std::to_string(e);
    return {event + ".date=\"" + date + "\"", event + ".key=\"" + new_key + "\"",
            event + ".value=\"" + value + "\""};
  }
  throw std::invalid_argument("the preset has no event setting " + key);
}

TEST(TikTokPreset, TippingPointSeparatesSelfSustainingMarkets) {
  const Scenario scenario = load_scenario(kPreset, {kSeed});
  std::vector<std::string> no_spend = {kSeed};
  for (const std::string& set :
       reuse_event(scenario, "mechanisms.internationalization.tier_c_spend", "2020-01-01",
                   "platforms.0.ad_budget_usd_per_day", "0")) {
    no_spend.push_back(set);
  }
  std::vector<std::string> no_spend_no_network = no_spend;
  for (const std::string& set : reuse_event(scenario, "mechanisms.innovation.enabled", "2020-01-01",
                                            "mechanisms.network_effects.enabled", "false")) {
    no_spend_no_network.push_back(set);
  }

  const RunResults stopped = run_scenario(kPreset, no_spend);
  const auto [past_band, short_of_band] =
      groups_by_penetration(stopped.metrics, "2019-12-31", "2020-12-31", 0.20, 0.30);
  ASSERT_GT(past_band.markets, 0) << "some markets past 30% the day before spend stops";
  ASSERT_GT(short_of_band.markets, 0) << "some markets below 20% the day before spend stops";
  const double scale = stopped.buyers_per_agent;
  EXPECT_GT(past_band.growth(), past_band.noise(scale))
      << past_band.markets << " markets past the band keep growing";
  EXPECT_LT(short_of_band.growth(), -short_of_band.noise(scale))
      << short_of_band.markets << " markets short of it shrink";

  const RunResults unnetworked = run_scenario(kPreset, no_spend_no_network);
  const auto [past_without, short_without] =
      groups_by_penetration(unnetworked.metrics, "2019-12-31", "2020-12-31", 0.20, 0.30);
  ASSERT_EQ(past_without.markets, past_band.markets) << "the runs are identical until the stop";
  EXPECT_LT(past_without.growth(), -past_without.noise(scale))
      << "without network effects they shrink";
}

// FACTS.md B: three stages, a radiation leap from stage 1 to 2 around Aug
// 2018 (the Musical.ly merger and the spend push) and a depth leap from 2 to
// 3 around Jun 2020 (monetization). Bands: the sources date the stages to
// the month; the radiation leap follows the dated entries of Aug 2018, so
// within that month; the depth leap is a threshold crossing of mean
// penetration (fitted to Jun 2020 with seeds 1-2, see docs/cases.md), so it
// must fall within half a year of Jun 2020 with each of four other seeds
// (3-6). The international_stage series must be 1, then 2, then 3, changing
// on the leap days.
void expect_three_stages(const RunResults& results, const std::string& seed) {
  const std::string radiation = first_event_date(results, "radiation_leap");
  const std::string depth = first_event_date(results, "depth_leap");
  ASSERT_FALSE(radiation.empty()) << seed << ": a radiation leap";
  ASSERT_FALSE(depth.empty()) << seed << ": a depth leap";
  EXPECT_GE(radiation, "2018-08-01") << seed;
  EXPECT_LE(radiation, "2018-08-31") << seed;
  EXPECT_GE(depth, "2019-12-01") << seed;
  EXPECT_LE(depth, "2020-12-01") << seed;

  const std::vector<double> stage = series(results.metrics, "international_stage");
  const int radiation_day = static_cast<int>(day_of(results.metrics, radiation));
  const int depth_day = static_cast<int>(day_of(results.metrics, depth));
  for (size_t day = 0; day < stage.size(); ++day) {
    const double expected = int(day) < radiation_day ? 1 : int(day) < depth_day ? 2 : 3;
    ASSERT_EQ(stage[day], expected) << seed << ", day " << day;
  }
}

TEST(TikTokPreset, ThreeStagesAndTwoLeapsAreDetected) {
  expect_three_stages(preset_run(), kSeed);
  for (const char* seed : {"run.seed=4", "run.seed=5", "run.seed=6"}) {
    expect_three_stages(run_scenario(kPreset, {seed}), seed);
  }
}

}  // namespace
}  // namespace mercator
