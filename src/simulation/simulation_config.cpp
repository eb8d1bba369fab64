#include "simulation/simulation_config.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <filesystem>
#include <optional>
#include <unordered_set>

#include "core/calendar.hpp"

namespace mercator {

const std::vector<std::string_view>& mechanism_names() {
  static const std::vector<std::string_view> names = {
      "rules",           "contracts",           "self_organization",
      "collaboration",   "profit_distribution", "competition",
      "innovation",      "cooperation",         "reputation",
      "escrow",          "microfinance",        "training",
      "network_effects", "internationalization"};
  return names;
}

void visit_parameters(ParameterVisitor& visitor, RunConfig& config) {
  visitor.group("run", "What is simulated when: the run's name, dates and random seed", [&] {
    visitor.text({.key = "name",
                  .unit = "",
                  .meaning = "Name of the run, carried into the manifest and outputs",
                  .source = "assumption: a label"},
                 config.name);
    visitor.date({.key = "start_date",
                  .unit = "",
                  .meaning = "First simulated day (YYYY-MM-DD)",
                  .source = "FACTS.md A: AliExpress launched in 2010"},
                 config.start_date);
    visitor.date({.key = "end_date",
                  .unit = "",
                  .meaning = "Last simulated day, inclusive (YYYY-MM-DD)",
                  .source = "assumption: ten years, AliExpress's three stages (FACTS.md A) "
                            "before the 2020 pandemic"},
                 config.end_date);
    visitor.integer({.key = "seed",
                     .unit = "",
                     .meaning = "Random seed; the same scenario and seed give identical outputs",
                     .source = "assumption: any fixed value",
                     .min = 0},
                    config.seed);
    visitor.flag({.key = "check_ledger_daily",
                  .unit = "",
                  .meaning = "Verify every day that the books balance (cheap; stops on the first "
                             "imbalance)",
                  .source = "DESIGN.md principle 4: the books balance every day"},
                 config.check_ledger_daily);
  });
}

void visit_parameters(ParameterVisitor& visitor, SimulationConfig& config) {
  visit_parameters(visitor, config.run);
  visit_parameters(visitor, config.world);
  visit_parameters(visitor, config.population);
  visit_parameters(visitor, config.buyers);
  visit_parameters(visitor, config.sellers);
  visit_parameters(visitor, config.logistics);
  visit_parameters(visitor, config.customs);
  visitor.table_array(
      "platforms", "The core firms (1 to 8), each with its own fees, rules of entry and algorithm",
      config.platforms, [](ParameterVisitor& element_visitor, PlatformConfig& platform) {
        visit_parameters(element_visitor, platform);
      });
  visit_parameters(visitor, config.mechanisms);
  visitor.table_array(
      "events",
      "Dated calendar events: festivals, shocks, bans, entries, mergers, alliances, "
      "innovations and scheduled parameter changes",
      config.events, [](ParameterVisitor& element_visitor, ScheduledEvent& event) {
        visit_parameters(element_visitor, event);
      });
  visit_parameters(visitor, config.analysis);
}

namespace {

constexpr size_t kMaxPlatforms = 8;

using Problems = std::vector<ConfigProblem>;

std::string number_text(double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  return std::string(text, result.ptr);
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += ", ";
    text += item;
  }
  return text;
}

std::string element_key(std::string_view array, size_t index, std::string_view field) {
  return std::string(array) + "." + std::to_string(index) + "." + std::string(field);
}

// The markets a run simulates, for checking every field that names one.
class RunMarkets {
 public:
  explicit RunMarkets(const std::vector<std::string>& codes)
      : codes_(codes.begin(), codes.end()),
        expected_("one of the run's markets: " + joined(codes)) {}

  bool contains(const std::string& code) const { return codes_.contains(code); }

  void check(const std::string& key, const std::string& code, Problems& problems) const {
    if (!contains(code)) problems.push_back({key, code, expected_});
  }

  void check_each(const std::string& key, const std::vector<std::string>& codes,
                  Problems& problems) const {
    for (const std::string& code : codes) check(key, code, problems);
  }

 private:
  std::unordered_set<std::string> codes_;
  std::string expected_;
};

// The run's first and last day, when both parse and are in order.
struct RunWindow {
  Date start;
  Date end;
};

std::optional<RunWindow> check_run(const RunConfig& run, Problems& problems) {
  const std::optional<Date> start = Date::parse(run.start_date);
  const std::optional<Date> end = Date::parse(run.end_date);
  if (!start) problems.push_back({"run.start_date", run.start_date, "a date YYYY-MM-DD"});
  if (!end) problems.push_back({"run.end_date", run.end_date, "a date YYYY-MM-DD"});
  if (!start || !end) return std::nullopt;
  if (*end <= *start) {
    problems.push_back(
        {"run.end_date", run.end_date, "a date after run.start_date (" + run.start_date + ")"});
    return std::nullopt;
  }
  return RunWindow{*start, *end};
}

// A relative table path resolves beside the scenario first, then as given.
std::string world_table_location(const SimulationConfig& config) {
  const std::filesystem::path table = config.world.table_path;
  if (table.is_absolute()) return table.string();
  const std::filesystem::path beside_scenario =
      std::filesystem::path(config.base_directory) / table;
  if (std::filesystem::exists(beside_scenario)) return beside_scenario.string();
  return table.string();
}

void check_world(const SimulationConfig& config, Problems& problems) {
  const std::vector<std::string>& markets = config.world.markets;
  if (markets.empty()) {
    problems.push_back({"world.markets", "[]", "at least one market code"});
  }
  std::unordered_set<std::string> seen;
  for (const std::string& code : markets) {
    if (!seen.insert(code).second) {
      problems.push_back({"world.markets", code, "each market listed once"});
    }
  }

  const std::string location = world_table_location(config);
  std::vector<CountryRecord> table;
  try {
    table = read_world_table(location);
  } catch (const std::exception& error) {
    problems.push_back({"world.table_path", config.world.table_path,
                        std::string("a readable world table (") + error.what() + ")"});
    return;
  }
  std::unordered_set<std::string> table_codes;
  for (const CountryRecord& country : table) table_codes.insert(country.code);
  for (const std::string& code : markets) {
    if (!table_codes.contains(code)) {
      problems.push_back({"world.markets", code, "a market code of the world table " + location});
    }
  }
}

void check_population(const SimulationConfig& config, const RunMarkets& markets,
                      Problems& problems) {
  const PopulationConfig& population = config.population;
  markets.check("population.seller_hub_market", population.seller_hub_market, problems);
  const int64_t market_count = static_cast<int64_t>(config.world.markets.size());
  const int64_t fewest_buyers = population.min_buyers_per_market * market_count;
  if (population.buyer_agents < fewest_buyers) {
    problems.push_back(
        {"population.buyer_agents", std::to_string(population.buyer_agents),
         "at least min_buyers_per_market x markets = " + std::to_string(fewest_buyers)});
  }
}

void check_platform(const PlatformConfig& platform, size_t index, const RunMarkets& markets,
                    Problems& problems) {
  markets.check(element_key("platforms", index, "home_market"), platform.home_market, problems);
  markets.check_each(element_key("platforms", index, "initial_markets"), platform.initial_markets,
                     problems);
  if (!platform.launch_date.empty() && !Date::parse(platform.launch_date)) {
    problems.push_back({element_key("platforms", index, "launch_date"), platform.launch_date,
                        "a date YYYY-MM-DD, or empty for the run's start"});
  }
  if (platform.algorithm_quality_initial > platform.algorithm_quality_max) {
    problems.push_back(
        {element_key("platforms", index, "algorithm_quality_initial"),
         number_text(platform.algorithm_quality_initial),
         "at most algorithm_quality_max (" + number_text(platform.algorithm_quality_max) + ")"});
  }
}

void check_platforms(const SimulationConfig& config, const RunMarkets& markets,
                     Problems& problems) {
  const std::vector<PlatformConfig>& platforms = config.platforms;
  if (platforms.empty() || platforms.size() > kMaxPlatforms) {
    problems.push_back({"platforms", std::to_string(platforms.size()) + " platforms",
                        "1 to " + std::to_string(kMaxPlatforms) + " platforms"});
  }
  std::unordered_set<std::string> names;
  for (size_t index = 0; index < platforms.size(); ++index) {
    if (!names.insert(platforms[index].name).second) {
      problems.push_back({element_key("platforms", index, "name"), platforms[index].name,
                          "a name no other platform has"});
    }
    check_platform(platforms[index], index, markets, problems);
  }
}

void check_sellers(const SellerConfig& sellers, Problems& problems) {
  // Shares like 0.7 + 0.3 must not fail on rounding.
  constexpr double kShareTolerance = 1e-9;
  if (sellers.genuine_share + sellers.counterfeit_share > 1 + kShareTolerance) {
    problems.push_back(
        {"sellers.counterfeit_share", number_text(sellers.counterfeit_share),
         "at most 1 - sellers.genuine_share (" + number_text(1 - sellers.genuine_share) + ")"});
  }
  if (sellers.markup_min > sellers.markup_max) {
    problems.push_back({"sellers.markup_min", number_text(sellers.markup_min),
                        "at most sellers.markup_max (" + number_text(sellers.markup_max) + ")"});
  }
}

void check_mechanisms(const MechanismsConfig& mechanisms, const RunMarkets& markets,
                      Problems& problems) {
  const RulesConfig& rules = mechanisms.rules;
  if (rules.detection_at_listing > rules.detection_max) {
    problems.push_back(
        {"mechanisms.rules.detection_at_listing", number_text(rules.detection_at_listing),
         "at most mechanisms.rules.detection_max (" + number_text(rules.detection_max) + ")"});
  }

  const InternationalizationConfig& strategy = mechanisms.internationalization;
  const std::pair<std::string_view, const std::vector<std::string>*> tiers[] = {
      {"tier_s", &strategy.tier_s}, {"tier_a", &strategy.tier_a}, {"tier_b", &strategy.tier_b}};
  std::unordered_set<std::string> tiered;
  for (const auto& [tier, codes] : tiers) {
    const std::string key = "mechanisms.internationalization." + std::string(tier);
    markets.check_each(key, *codes, problems);
    for (const std::string& code : *codes) {
      if (!tiered.insert(code).second) {
        problems.push_back({key, code, "each market in at most one tier"});
      }
    }
  }
}

void check_event(const ScheduledEvent& event, size_t index, const SimulationConfig& config,
                 const RunMarkets& markets,
                 Problems& problems) {
  const std::optional<Date> date = Date::parse(event.date);
  // Events outside the run are allowed and never happen: a preset's calendar
  // must survive a run shortened with --set run.end_date.
  if (!date) {
    problems.push_back({element_key("events", index, "date"), event.date, "a date YYYY-MM-DD"});
  }

  const std::vector<std::string_view>& types = event_types();
  if (std::find(types.begin(), types.end(), event.type) == types.end()) {
    std::vector<std::string> names(types.begin(), types.end());
    problems.push_back(
        {element_key("events", index, "type"), event.type, "one of " + joined(names)});
  }
  if (event.type == "set" && event.key.empty()) {
    problems.push_back({element_key("events", index, "key"), event.key,
                        "the dotted key of the parameter a set event changes"});
  }

  markets.check_each(element_key("events", index, "markets"), event.markets, problems);

  if (event.platform.empty()) return;
  std::vector<std::string> platform_names;
  for (const PlatformConfig& platform : config.platforms) platform_names.push_back(platform.name);
  if (std::find(platform_names.begin(), platform_names.end(), event.platform) ==
      platform_names.end()) {
    problems.push_back(
        {element_key("events", index, "platform"), event.platform,
         "empty (every platform) or one of the platforms: " + joined(platform_names)});
  }
}

// The robustness reference must reach past today's own level window.
void check_analysis(const AnalysisConfig& analysis, Problems& problems) {
  const IndexConfig& indices = analysis.indices;
  if (indices.robustness_reference_days < indices.robustness_level_days) {
    problems.push_back({"analysis.indices.robustness_reference_days",
                        std::to_string(indices.robustness_reference_days),
                        "at least analysis.indices.robustness_level_days (" +
                            std::to_string(indices.robustness_level_days) + ")"});
  }
}

}  // namespace

std::vector<ConfigProblem> check_config(const SimulationConfig& config) {
  Problems problems;
  const RunMarkets markets(config.world.markets);
  check_run(config.run, problems);
  check_world(config, problems);
  check_population(config, markets, problems);
  check_platforms(config, markets, problems);
  check_sellers(config.sellers, problems);
  check_mechanisms(config.mechanisms, markets, problems);
  check_analysis(config.analysis, problems);
  for (size_t index = 0; index < config.events.size(); ++index) {
    check_event(config.events[index], index, config, markets, problems);
  }
  return problems;
}

}  // namespace mercator
