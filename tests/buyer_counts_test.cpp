// The buyer counters and lists kept by BuyerTable::set_state must equal a
// full scan of the adoption states, after adoption, churn, bans and mergers
// have run.
#include <gtest/gtest.h>

#include <algorithm>

#include "mercator/scenario.hpp"
#include "simulation/simulation_engine.hpp"

namespace mercator {
namespace {

TEST(BuyerCounts, CountersAndActiveListsEqualAFullScan) {
  Scenario scenario = load_scenario("scenarios/default.toml",
                                    {"run.end_date=2011-12-31", "population.buyer_agents=30000",
                                     "population.seller_agents=3000"});
  ScheduledEvent ban;
  ban.date = "2011-03-01";
  ban.type = "ban";
  ban.platform = "crossborder";
  ban.markets = {"RU"};
  ScheduledEvent merger;
  merger.date = "2011-06-01";
  merger.type = "merger";
  merger.platform = "local_rival";
  merger.markets = {"GB"};
  merger.multiplier = 0.3;
  scenario.config.events.push_back(ban);
  scenario.config.events.push_back(merger);
  SimulationEngine engine(scenario.config, 2);
  while (engine.step()) {
  }
  const BuyerTable& buyers = engine.state().buyers;
  int64_t total_active = 0;
  for (MarketId m = 0; m < buyers.market_first.size(); ++m) {
    int32_t aware = 0, active = 0, churned_only = 0;
    std::vector<BuyerId> active_here;
    std::vector<int32_t> by_platform(buyers.platform_count, 0);
    for (BuyerId b = buyers.market_first[m]; b < buyers.market_end[m]; ++b) {
      const BuyerTable::Summary summary = buyers.summarize(b);
      aware += summary.aware;
      active += summary.active;
      churned_only += summary.churned_only;
      for (int p = 0; p < buyers.platform_count; ++p) by_platform[p] += buyers.state(b, p) == Adoption::Active;
      if (summary.active) active_here.push_back(b);
    }
    // Shopping draws its sessions from this list: exactly the buyers active
    // somewhere, each once, and each knowing its place in it.
    std::vector<BuyerId> listed = buyers.active_buyers[m];
    for (size_t place = 0; place < listed.size(); ++place) {
      EXPECT_EQ(buyers.active_place[listed[place]], place) << "buyer " << listed[place];
    }
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(listed, active_here) << "market " << m;
    EXPECT_EQ(buyers.aware_any[m], aware) << "market " << m;
    EXPECT_EQ(buyers.active_buyers[m].size(), size_t(active)) << "market " << m;
    EXPECT_EQ(buyers.churned_only[m], churned_only) << "market " << m;
    for (int p = 0; p < buyers.platform_count; ++p) {
      EXPECT_EQ(buyers.active_count[size_t(m) * buyers.platform_count + p], by_platform[p]);
    }
    total_active += active;
  }
  EXPECT_GT(total_active, 0);  // the run adopted someone, so the check saw changes
}

}  // namespace
}  // namespace mercator
