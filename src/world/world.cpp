// Markets, the world they form, and the world parameters.
#include "world/world.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace mercator {
namespace {

constexpr double kInternetShareCeiling = 0.95;  // never the whole population online
constexpr size_t kCultureDimensions = std::tuple_size_v<decltype(CountryRecord::culture)>;

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> previous(b.size() + 1);
  std::iota(previous.begin(), previous.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    std::vector<size_t> current(b.size() + 1);
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    previous = std::move(current);
  }
  return previous[b.size()];
}

// Codes people type that ISO 3166-1 reserves for another code.
std::string_view iso_alias(std::string_view code) {
  if (code == "UK") return "GB";
  if (code == "EL") return "GR";  // the EU's code for Greece
  return {};
}

// The table's code closest to what was typed (a name works too), or "" when the table is empty.
std::string closest_code(std::string_view typed, const std::vector<CountryRecord>& table) {
  const std::string wanted = upper(typed);
  if (const std::string_view alias = iso_alias(wanted); !alias.empty()) return std::string(alias);
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const CountryRecord& country : table) {
    if (upper(country.name) == wanted) return country.code;
    const size_t distance = edit_distance(wanted, country.code);
    if (distance < best_distance) {
      best_distance = distance;
      best = country.code;
    }
  }
  return best;
}

[[noreturn]] void fail_unknown_market(const std::string& code,
                                      const std::vector<CountryRecord>& table,
                                      const WorldConfig& config) {
  std::string message = "unknown market '" + code + "' (not in " + config.table_path + ")";
  if (const std::string suggestion = closest_code(code, table); !suggestion.empty()) {
    message += "; did you mean '" + suggestion + "'?";
  }
  throw WorldTableError(message);
}

std::vector<const CountryRecord*> select_countries(const std::vector<CountryRecord>& table,
                                                   const WorldConfig& config) {
  if (config.markets.empty()) {
    throw WorldTableError("world.markets is empty, expected at least one market code");
  }
  std::unordered_map<std::string_view, const CountryRecord*> by_code;
  for (const CountryRecord& country : table) by_code.emplace(country.code, &country);
  std::unordered_set<std::string_view> chosen;
  std::vector<const CountryRecord*> selected;
  for (const std::string& code : config.markets) {
    const auto found = by_code.find(code);
    if (found == by_code.end()) fail_unknown_market(code, table, config);
    if (!chosen.insert(code).second) {
      throw WorldTableError("market '" + code + "' is listed twice in world.markets, expected " +
                            "each market once");
    }
    selected.push_back(found->second);
  }
  return selected;
}

Market make_market(const CountryRecord& country, double richest_gdp_per_capita_usd) {
  Market market;
  market.country = country;
  market.internet_share = country.internet_share;
  market.logistics_quality = (country.logistics_index - 1) / 4;
  market.payment_quality = country.account_ownership;
  market.enforcement_strength = std::clamp((country.rule_of_law + 2.5) / 5, 0.0, 1.0);
  market.income_index = country.gdp_per_capita_usd / richest_gdp_per_capita_usd;
  return market;
}

std::array<double, kCultureDimensions> culture_variances(const std::vector<Market>& markets) {
  std::array<double, kCultureDimensions> variances{};
  const double count = static_cast<double>(markets.size());
  for (size_t d = 0; d < kCultureDimensions; ++d) {
    double mean = 0;
    for (const Market& market : markets) mean += market.country.culture[d] / count;
    for (const Market& market : markets) {
      const double deviation = market.country.culture[d] - mean;
      variances[d] += deviation * deviation / count;
    }
  }
  return variances;
}

}  // namespace

std::vector<double> kogut_singh_distances(const std::vector<Market>& markets) {
  // Kogut & Singh (1988), J. Int. Business Studies 19(3): variance-scaled mean squared score gap.
  const size_t n = markets.size();
  const std::array<double, kCultureDimensions> variances = culture_variances(markets);
  std::vector<double> distances(n * n, 0.0);
  double largest = 0;
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      double sum = 0;
      for (size_t d = 0; d < kCultureDimensions; ++d) {
        if (variances[d] <= 0) continue;  // a dimension all markets share separates none
        const double gap = markets[a].country.culture[d] - markets[b].country.culture[d];
        sum += gap * gap / variances[d];
      }
      distances[a * n + b] = sum / kCultureDimensions;
      largest = std::max(largest, distances[a * n + b]);
    }
  }
  // Rescaled so the run's most distant pair is 1; raw KS values depend on the market set anyway.
  if (largest > 0) {
    for (double& distance : distances) distance /= largest;
  }
  return distances;
}

World::World(std::vector<Market> markets, const WorldConfig& config)
    : markets_(std::move(markets)) {
  const size_t n = markets_.size();
  lanes_.reserve(n * n);
  for (size_t from = 0; from < n; ++from) {
    for (size_t to = 0; to < n; ++to) {
      lanes_.push_back(from == to ? make_domestic_lane(markets_[to], config)
                                  : make_cross_border_lane(markets_[from], markets_[to], config));
    }
  }
  cultural_distance_ = kogut_singh_distances(markets_);
  initial_internet_share_.reserve(n);
  for (const Market& market : markets_) initial_internet_share_.push_back(market.internet_share);
}

int World::find(const std::string& code) const {
  for (size_t id = 0; id < markets_.size(); ++id) {
    if (markets_[id].country.code == code) return static_cast<int>(id);
  }
  return -1;
}

void World::advance_internet(double years_elapsed, double growth_per_year) {
  for (size_t id = 0; id < markets_.size(); ++id) {
    const double initial = initial_internet_share_[id];
    const double grown = std::min(kInternetShareCeiling, initial + growth_per_year * years_elapsed);
    // Markets already above the ceiling (or a negative growth) keep their starting share.
    markets_[id].internet_share = std::max(initial, grown);
  }
}

World build_world(const std::vector<CountryRecord>& table, const WorldConfig& config) {
  const std::vector<const CountryRecord*> selected = select_countries(table, config);
  double richest = 0;
  for (const CountryRecord* country : selected) {
    richest = std::max(richest, country->gdp_per_capita_usd);
  }
  std::vector<Market> markets;
  markets.reserve(selected.size());
  for (const CountryRecord* country : selected) markets.push_back(make_market(*country, richest));
  return World(std::move(markets), config);
}

void visit_parameters(ParameterVisitor& visitor, WorldConfig& config) {
  visitor.group("world", "Markets in the run and the logistics lanes between them", [&] {
    visitor.text({.key = "table_path",
                  .unit = "",
                  .meaning = "CSV world table the markets are read from",
                  .source = "data/world.csv: 53 countries, sources in data/README.md"},
                 config.table_path);
    visitor.text_list(
        {.key = "markets",
         .unit = "ISO 3166-1 alpha-2 codes",
         .meaning = "Countries simulated as markets, in this order (market ids follow it)",
         .source = "domain/FACTS.md: China as seller base, AliExpress focus markets (RU ES BR), "
                   "TikTok spend tiers S-C (US JP GB IN DE KR ID CA TH VN SA AE ...), plus other "
                   "large European and Asian markets (assumption)"},
        config.markets);
    visitor.real({.key = "internet_growth_per_year",
                  .unit = "share/year",
                  .meaning = "Absolute rise of each market's internet share a year, capped at 0.95",
                  .source = "ITU: world internet use rose from about 29% (2010) to 54% (2019), "
                            "roughly 0.03 a year",
                  .min = 0,
                  .max = 0.2},
                 config.internet_growth_per_year);
    visitor.real({.key = "lane_base_cost_usd",
                  .unit = "USD/parcel",
                  .meaning = "Fixed cost of sending one cross-border small parcel",
                  .source = "assumption: with the per-km cost gives about US$6 China->US for a "
                            "light parcel, the range of ePacket-era postal prices",
                  .min = 0,
                  .max = 100},
                 config.lane_base_cost_usd);
    visitor.real({.key = "lane_cost_per_1000km_usd",
                  .unit = "USD/parcel/1000 km",
                  .meaning = "Cross-border parcel cost added per 1000 km of great-circle distance",
                  .source = "assumption: see lane_base_cost_usd; long-haul air freight share of a "
                            "light parcel's price",
                  .min = 0,
                  .max = 50},
                 config.lane_cost_per_1000km_usd);
    visitor.real({.key = "domestic_cost_usd",
                  .unit = "USD/parcel",
                  .meaning = "Cost of one domestic parcel",
                  .source = "assumption: e-commerce express parcels cost about CNY 5-10 in China, "
                            "a few US$ elsewhere",
                  .min = 0,
                  .max = 100},
                 config.domestic_cost_usd);
    visitor.real(
        {.key = "transit_base_days",
         .unit = "days",
         .meaning = "Cross-border transit before distance and clearance (handling, hand-over)",
         .source = "assumption: with the other transit terms gives about 19 days "
                   "China->US and 8 days China->Korea, as postal small parcels took then",
         .min = 0,
         .max = 60},
        config.transit_base_days);
    visitor.real({.key = "transit_days_per_1000km",
                  .unit = "days/1000 km",
                  .meaning = "Cross-border transit added per 1000 km of great-circle distance",
                  .source = "assumption: see transit_base_days",
                  .min = 0,
                  .max = 10},
                 config.transit_days_per_1000km);
    visitor.real({.key = "domestic_transit_days",
                  .unit = "days",
                  .meaning = "Median domestic delivery time where logistics are best (LPI 5)",
                  .source = "assumption: 2-4 day domestic e-commerce delivery in large markets",
                  .min = 0,
                  .max = 60},
                 config.domestic_transit_days);
    visitor.real({.key = "transit_sigma",
                  .unit = "log-days",
                  .meaning = "Lognormal shape of transit times (spread around the median)",
                  .source = "assumption: 0.35 puts the 90th percentile at about 1.6x the median",
                  .min = 0,
                  .max = 2},
                 config.transit_sigma);
    visitor.real({.key = "loss_base_probability",
                  .unit = "probability",
                  .meaning = "Chance a cross-border parcel is lost or damaged (domestic: a fifth)",
                  .source = "assumption: about 1% of cross-border small parcels lost or damaged",
                  .min = 0,
                  .max = 0.5},
                 config.loss_base_probability);
    visitor.real({.key = "loss_per_logistics_gap",
                  .unit = "probability",
                  .meaning = "Extra loss chance per unit of (1 - destination logistics quality)",
                  .source = "assumption: the worst-LPI destinations lose about 3% of parcels",
                  .min = 0,
                  .max = 0.5},
                 config.loss_per_logistics_gap);
    visitor.real(
        {.key = "clearance_days",
         .unit = "days",
         .meaning = "Customs clearance time added to every cross-border lane",
         .source = "assumption: 1-3 days for low-value parcels under simplified procedures",
         .min = 0,
         .max = 60},
        config.clearance_days);
  });
}

}  // namespace mercator
