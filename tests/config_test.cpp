// The parameter registry of the whole config tree, and check_config's semantic rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

// Every parameter of a config tree, as the registry would see it.
struct ParameterEntry {
  std::string key;
  ParameterType type;
  std::string unit;
  std::string meaning;
  std::string source;
  double min;
  double max;
  std::vector<std::string> choices;
  double number = 0;  // the default, for Integer and Real
  std::string text;   // the default, for Text
};

class ParameterCollector : public ParameterVisitor {
 public:
  std::vector<ParameterEntry> entries;
  std::map<std::string, std::string> group_meanings;  // full group name -> meaning

  void flag(const ParameterSpec& spec, bool&) override { add(spec, ParameterType::Flag); }
  void integer(const ParameterSpec& spec, int64_t& value) override {
    add(spec, ParameterType::Integer).number = static_cast<double>(value);
  }
  void real(const ParameterSpec& spec, double& value) override {
    add(spec, ParameterType::Real).number = value;
  }
  void text(const ParameterSpec& spec, std::string& value) override {
    add(spec, ParameterType::Text).text = value;
  }
  void date(const ParameterSpec& spec, std::string& value) override {
    add(spec, ParameterType::Date).text = value;
  }
  void text_list(const ParameterSpec& spec, std::vector<std::string>&) override {
    add(spec, ParameterType::TextList);
  }

  const ParameterEntry* find(std::string_view key) const {
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [&](const ParameterEntry& entry) { return entry.key == key; });
    return found == entries.end() ? nullptr : &*found;
  }

 protected:
  void on_group(std::string_view full_name, std::string_view meaning) override {
    group_meanings[std::string(full_name)] = std::string(meaning);
  }
  // Describe one element of every table array, even an empty one (events).
  size_t begin_table_array(std::string_view name, std::string_view meaning, size_t count) override {
    group_meanings[full_key(name)] = std::string(meaning);
    return std::max<size_t>(count, 1);
  }

 private:
  ParameterEntry& add(const ParameterSpec& spec, ParameterType type) {
    ParameterEntry entry{.key = full_key(spec.key),
                         .type = type,
                         .unit = std::string(spec.unit),
                         .meaning = std::string(spec.meaning),
                         .source = std::string(spec.source),
                         .min = spec.min,
                         .max = spec.max,
                         .choices = {spec.choices.begin(), spec.choices.end()},
                         .number = 0,
                         .text = {}};
    entries.push_back(std::move(entry));
    return entries.back();
  }
};

ParameterCollector collect_defaults() {
  SimulationConfig config;
  ParameterCollector collector;
  visit_parameters(collector, config);
  return collector;
}

TEST(ParameterRegistry, EveryParameterIsDocumented) {
  const ParameterCollector collector = collect_defaults();
  ASSERT_GT(collector.entries.size(), 150u);
  for (const ParameterEntry& entry : collector.entries) {
    EXPECT_FALSE(entry.meaning.empty()) << entry.key;
    EXPECT_FALSE(entry.source.empty()) << entry.key;
    EXPECT_LE(entry.min, entry.max) << entry.key;
  }
}

TEST(ParameterRegistry, KeysAreUnique) {
  const ParameterCollector collector = collect_defaults();
  std::set<std::string> keys;
  for (const ParameterEntry& entry : collector.entries) {
    EXPECT_TRUE(keys.insert(entry.key).second) << "duplicate key " << entry.key;
  }
}

TEST(ParameterRegistry, NumericDefaultsLieInTheirRange) {
  for (const ParameterEntry& entry : collect_defaults().entries) {
    if (entry.type != ParameterType::Real && entry.type != ParameterType::Integer) continue;
    EXPECT_GE(entry.number, entry.min) << entry.key;
    EXPECT_LE(entry.number, entry.max) << entry.key;
  }
}

TEST(ParameterRegistry, TextDefaultsAreAmongTheirChoices) {
  for (const ParameterEntry& entry : collect_defaults().entries) {
    if (entry.choices.empty()) continue;
    EXPECT_NE(std::find(entry.choices.begin(), entry.choices.end(), entry.text),
              entry.choices.end())
        << entry.key << " = " << entry.text;
  }
}

TEST(ParameterRegistry, TopLevelGroupsAreDescribed) {
  const ParameterCollector collector = collect_defaults();
  for (const char* group : {"run", "world", "population", "buyers", "sellers", "logistics",
                            "customs", "platforms", "mechanisms", "events"}) {
    const auto found = collector.group_meanings.find(group);
    ASSERT_NE(found, collector.group_meanings.end()) << group;
    EXPECT_FALSE(found->second.empty()) << group;
  }
}

TEST(ParameterRegistry, EveryMechanismHasADescribedGroupAndAnEnabledFlag) {
  const ParameterCollector collector = collect_defaults();
  ASSERT_EQ(mechanism_names().size(), 14u);
  for (std::string_view name : mechanism_names()) {
    const std::string group = "mechanisms." + std::string(name);
    const auto found = collector.group_meanings.find(group);
    ASSERT_NE(found, collector.group_meanings.end()) << group;
    EXPECT_FALSE(found->second.empty()) << group;
    const ParameterEntry* enabled = collector.find(group + ".enabled");
    ASSERT_NE(enabled, nullptr) << group;
    EXPECT_EQ(enabled->type, ParameterType::Flag) << group;
  }
}

TEST(ParameterRegistry, MechanismGroupsFollowTheOrderOfMechanismNames) {
  const ParameterCollector collector = collect_defaults();
  std::vector<std::string> visited;
  for (const ParameterEntry& entry : collector.entries) {
    if (!entry.key.starts_with("mechanisms.") || !entry.key.ends_with(".enabled")) continue;
    const std::string inner = entry.key.substr(std::string("mechanisms.").size());
    visited.push_back(inner.substr(0, inner.size() - std::string(".enabled").size()));
  }
  const std::vector<std::string> expected(mechanism_names().begin(), mechanism_names().end());
  EXPECT_EQ(visited, expected);
}

TEST(ParameterRegistry, EnumeratedTextFieldsListTheirChoices) {
  const ParameterCollector collector = collect_defaults();
  const std::map<std::string, std::vector<std::string>> expected = {
      {"platforms.0.kind", {"marketplace", "content"}},
      {"platforms.0.admission", {"open", "business_only"}},
      {"mechanisms.internationalization.strategy", {"gradual", "tiered", "all_at_once"}},
      {"events.0.type",
       {"festival", "shock", "logistics_shock", "ban", "enter", "merger", "alliance", "innovation",
        "set"}}};
  for (const auto& [key, choices] : expected) {
    const ParameterEntry* entry = collector.find(key);
    ASSERT_NE(entry, nullptr) << key;
    EXPECT_EQ(entry->choices, choices) << key;
  }
}

TEST(ParameterRegistry, DatesAndListsUseTheirOwnTypes) {
  const ParameterCollector collector = collect_defaults();
  for (const char* key :
       {"run.start_date", "run.end_date", "platforms.0.launch_date", "events.0.date"}) {
    const ParameterEntry* entry = collector.find(key);
    ASSERT_NE(entry, nullptr) << key;
    EXPECT_EQ(entry->type, ParameterType::Date) << key;
  }
  for (const char* key : {"platforms.0.initial_markets", "events.0.markets",
                          "mechanisms.internationalization.tier_s"}) {
    const ParameterEntry* entry = collector.find(key);
    ASSERT_NE(entry, nullptr) << key;
    EXPECT_EQ(entry->type, ParameterType::TextList) << key;
  }
}

// check_config: a default config passes; each broken rule reports exactly its key.

std::vector<std::string> problem_keys(const SimulationConfig& config) {
  std::vector<std::string> keys;
  for (const ConfigProblem& problem : check_config(config)) keys.push_back(problem.key);
  return keys;
}

using Keys = std::vector<std::string>;

ScheduledEvent festival_on(const std::string& date) {
  ScheduledEvent event;
  event.date = date;
  event.type = "festival";
  event.multiplier = 3;
  return event;
}

PlatformConfig platform_named(const std::string& name) {
  PlatformConfig platform;
  platform.name = name;
  return platform;
}

TEST(CheckConfig, DefaultConfigHasNoProblems) {
  for (const ConfigProblem& problem : check_config(SimulationConfig{})) {
    ADD_FAILURE() << problem.key << " = " << problem.value << ", expected " << problem.expected;
  }
}

TEST(CheckConfig, ProblemsCarryValueAndExpectation) {
  SimulationConfig config;
  config.population.seller_hub_market = "XX";
  const std::vector<ConfigProblem> problems = check_config(config);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].value, "XX");
  EXPECT_NE(problems[0].expected.find("CN, US"), std::string::npos) << problems[0].expected;
}

TEST(CheckConfig, EndDateMustFollowStartDate) {
  SimulationConfig config;
  config.run.end_date = config.run.start_date;
  EXPECT_EQ(problem_keys(config), Keys{"run.end_date"});
}

TEST(CheckConfig, RunDatesMustParse) {
  SimulationConfig config;
  config.run.start_date = "2010-02-30";
  EXPECT_EQ(problem_keys(config), Keys{"run.start_date"});
}

TEST(CheckConfig, AtLeastOnePlatform) {
  SimulationConfig config;
  config.platforms.clear();
  EXPECT_EQ(problem_keys(config), Keys{"platforms"});
}

TEST(CheckConfig, AtMostEightPlatforms) {
  SimulationConfig config;
  config.platforms.clear();
  for (int index = 0; index < 9; ++index) {
    config.platforms.push_back(platform_named("platform" + std::to_string(index)));
  }
  EXPECT_EQ(problem_keys(config), Keys{"platforms"});
}

TEST(CheckConfig, PlatformNamesAreUnique) {
  SimulationConfig config;
  config.platforms.push_back(platform_named(config.platforms[0].name));
  EXPECT_EQ(problem_keys(config), Keys{"platforms.1.name"});
}

TEST(CheckConfig, PlatformHomeMarketMustBeInTheRun) {
  SimulationConfig config;
  config.platforms[0].home_market = "AR";  // in the world table, not in the default run
  EXPECT_EQ(problem_keys(config), Keys{"platforms.0.home_market"});
}

TEST(CheckConfig, PlatformInitialMarketsMustBeInTheRun) {
  SimulationConfig config;
  config.platforms[0].initial_markets = {"US", "ZZ"};
  EXPECT_EQ(problem_keys(config), Keys{"platforms.0.initial_markets"});
}

TEST(CheckConfig, PlatformLaunchDateMustParseWhenGiven) {
  SimulationConfig config;
  config.platforms[0].launch_date = "2012-13-01";
  EXPECT_EQ(problem_keys(config), Keys{"platforms.0.launch_date"});
}

TEST(CheckConfig, AlgorithmQualityStartsBelowItsCeiling) {
  SimulationConfig config;
  config.platforms[0].algorithm_quality_initial = 0.99;
  EXPECT_EQ(problem_keys(config), Keys{"platforms.0.algorithm_quality_initial"});
}

TEST(CheckConfig, MarketsMustBeInTheWorldTable) {
  SimulationConfig config;
  config.world.markets.push_back("XX");
  EXPECT_EQ(problem_keys(config), Keys{"world.markets"});
}

TEST(CheckConfig, MarketsAreListedOnce) {
  SimulationConfig config;
  config.world.markets.push_back("US");
  EXPECT_EQ(problem_keys(config), Keys{"world.markets"});
}

TEST(CheckConfig, UnreadableWorldTableIsAProblem) {
  SimulationConfig config;
  config.world.table_path = "data/no_such_table.csv";
  EXPECT_EQ(problem_keys(config), Keys{"world.table_path"});
}

TEST(CheckConfig, WorldTableFallsBackToThePathAsGiven) {
  SimulationConfig config;
  config.base_directory = "scenarios/no_such_folder";
  EXPECT_EQ(problem_keys(config), Keys{});
}

TEST(CheckConfig, SellerHubMustBeInTheRun) {
  SimulationConfig config;
  config.population.seller_hub_market = "AR";
  EXPECT_EQ(problem_keys(config), Keys{"population.seller_hub_market"});
}

TEST(CheckConfig, EveryMarketGetsItsMinimumBuyers) {
  SimulationConfig config;
  config.population.buyer_agents =
      config.population.min_buyers_per_market * static_cast<int64_t>(config.world.markets.size()) -
      1;
  EXPECT_EQ(problem_keys(config), Keys{"population.buyer_agents"});
}

// A preset's calendar must survive a run shortened with --set run.end_date:
// events outside the run are accepted and simply never happen.
TEST(CheckConfig, EventDateOutsideTheRunIsAccepted) {
  SimulationConfig config;
  config.events = {festival_on(config.run.start_date), festival_on(config.run.end_date),
                   festival_on("2020-01-01")};
  EXPECT_TRUE(problem_keys(config).empty());
}

TEST(CheckConfig, EventDateMustParse) {
  SimulationConfig config;
  config.events = {festival_on("11.11")};
  EXPECT_EQ(problem_keys(config), Keys{"events.0.date"});
}

TEST(CheckConfig, EventTypeMustBeKnown) {
  SimulationConfig config;
  config.events = {festival_on("2013-11-11")};
  config.events[0].type = "holiday";
  EXPECT_EQ(problem_keys(config), Keys{"events.0.type"});
}

TEST(CheckConfig, EventMarketsMustBeInTheRun) {
  SimulationConfig config;
  config.events = {festival_on("2013-11-11")};
  config.events[0].markets = {"CN", "AR"};
  EXPECT_EQ(problem_keys(config), Keys{"events.0.markets"});
}

TEST(CheckConfig, EventPlatformMustBeAPlatformName) {
  SimulationConfig config;
  ScheduledEvent ban = festival_on("2020-06-29");
  config.run.end_date = "2021-12-31";
  ban.type = "ban";
  ban.markets = {"IN"};
  ban.platform = "tiktok";
  config.events = {ban};
  EXPECT_EQ(problem_keys(config), Keys{"events.0.platform"});
}

TEST(CheckConfig, SetEventNeedsAKey) {
  SimulationConfig config;
  ScheduledEvent rule_change = festival_on("2013-01-01");
  rule_change.type = "set";
  rule_change.value = "\"business_only\"";
  config.events = {rule_change};
  EXPECT_EQ(problem_keys(config), Keys{"events.0.key"});
}

TEST(CheckConfig, SellerStrategySharesFitInOne) {
  SimulationConfig config;
  config.sellers.genuine_share = 0.9;
  config.sellers.counterfeit_share = 0.2;
  EXPECT_EQ(problem_keys(config), Keys{"sellers.counterfeit_share"});
}

TEST(CheckConfig, SellerStrategySharesMaySumToExactlyOne) {
  SimulationConfig config;
  config.sellers.genuine_share = 0.7;
  config.sellers.counterfeit_share = 0.3;
  EXPECT_EQ(problem_keys(config), Keys{});
}

TEST(CheckConfig, MarkupRangeIsOrdered) {
  SimulationConfig config;
  config.sellers.markup_min = 0.9;
  EXPECT_EQ(problem_keys(config), Keys{"sellers.markup_min"});
}

TEST(CheckConfig, InternationalizationTiersNameRunMarkets) {
  SimulationConfig config;
  config.mechanisms.internationalization.tier_s = {"US", "JP", "GB", "IN"};
  config.mechanisms.internationalization.tier_a = {"DE", "AR"};
  EXPECT_EQ(problem_keys(config), Keys{"mechanisms.internationalization.tier_a"});
}

TEST(CheckConfig, AMarketSitsInOneTierOnly) {
  SimulationConfig config;
  config.mechanisms.internationalization.tier_s = {"US"};
  config.mechanisms.internationalization.tier_b = {"US"};
  EXPECT_EQ(problem_keys(config), Keys{"mechanisms.internationalization.tier_b"});
}

TEST(CheckConfig, DetectionAtListingStartsBelowItsCeiling) {
  SimulationConfig config;
  config.mechanisms.rules.detection_at_listing = 0.97;
  EXPECT_EQ(problem_keys(config), Keys{"mechanisms.rules.detection_at_listing"});
}

}  // namespace
}  // namespace mercator
