#pragma once
// The world a run takes place in: markets (countries) and the lanes between
// them. Built once at start-up from the bundled table data/world.csv (or a
// scenario's own table) and the world parameters; read-only afterwards except
// for the time-varying fields the calendar phase updates (internet share).
#include <array>
#include <stdexcept>
#include <cstdint>
#include <string>
#include <vector>

#include "core/input_error.hpp"
#include "core/parameters.hpp"

namespace mercator {

using MarketId = uint16_t;

// One row of the world table, as read from CSV (units in the column names of
// data/world.csv; sources in data/README.md).
struct CountryRecord {
  std::string code;      // ISO 3166-1 alpha-2
  std::string name;
  std::string region;    // e.g. "East Asia", "Western Europe"
  std::string language;  // main language
  double population = 0;           // people
  double internet_share = 0;       // share of population online, 0..1
  double gdp_per_capita_usd = 0;   // current US$
  double logistics_index = 0;      // World Bank LPI score, 1..5
  double account_ownership = 0;    // Findex: share of adults with an account, 0..1
  double rule_of_law = 0;          // WGI rule of law estimate, about -2.5..2.5
  double duty_rate = 0;            // average applied tariff on consumer goods, share
  double de_minimis_usd = 0;       // customs de-minimis threshold, US$
  double latitude = 0;             // capital / economic centre, degrees
  double longitude = 0;
  std::array<double, 6> culture{};  // Hofstede PDI, IDV, MAS, UAI, LTO, IVR, 0..100
};

// Parameters that turn the table into markets and lanes.
struct WorldConfig {
  std::string table_path = "data/world.csv";  // relative to the project root or the scenario
  std::vector<std::string> markets = {
      "CN", "US", "RU", "ES", "BR", "FR", "GB", "DE", "JP", "KR", "IN", "ID",
      "MX", "TR", "PL", "IT", "NL", "CA", "AU", "SA", "AE", "TH", "VN", "UA"};
  double internet_growth_per_year = 0.03;  // absolute share points a year, capped at 0.95
  double lane_base_cost_usd = 2.0;          // per cross-border parcel
  double lane_cost_per_1000km_usd = 0.35;
  double domestic_cost_usd = 1.5;           // per domestic parcel
  double transit_base_days = 4.0;           // cross-border, before distance
  double transit_days_per_1000km = 0.9;
  double domestic_transit_days = 3.0;
  double transit_sigma = 0.35;              // lognormal shape of transit days
  double loss_base_probability = 0.01;      // cross-border parcel lost or damaged
  double loss_per_logistics_gap = 0.02;     // extra loss per unit of (1 - destination quality)
  double clearance_days = 2.0;              // customs clearance, cross-border only
};
void visit_parameters(ParameterVisitor& visitor, WorldConfig& config);

// A market in a run: the country plus its derived 0..1 qualities.
struct Market {
  CountryRecord country;
  double internet_share = 0;        // grows during the run
  double logistics_quality = 0;     // 0..1 from the LPI
  double payment_quality = 0;       // 0..1 from account ownership
  double enforcement_strength = 0;  // 0..1 from rule of law
  double income_index = 0;          // gdp per capita relative to the run's richest market, 0..1
};

struct Lane {
  double cost_usd = 0;            // per parcel
  double transit_days_median = 0; // lognormal median, includes clearance when cross-border
  double transit_sigma = 0;
  double loss_probability = 0;
  double tariff = 0;              // duty rate applied at the destination
  double de_minimis_usd = 0;      // parcels below this value pay no duty
  double distance_km = 0;
};

// The pieces World is built from, exposed so tests and tools can check them.
// Great-circle (haversine) distance between two countries' centres, km.
double great_circle_km(const CountryRecord& a, const CountryRecord& b);
Lane make_domestic_lane(const Market& market, const WorldConfig& config);
Lane make_cross_border_lane(const Market& from, const Market& to, const WorldConfig& config);
// Row-major n x n Kogut-Singh index over the markets' Hofstede scores, rescaled to 0..1.
std::vector<double> kogut_singh_distances(const std::vector<Market>& markets);

class World {
 public:
  World(std::vector<Market> markets, const WorldConfig& config);

  size_t market_count() const { return markets_.size(); }
  const Market& market(MarketId id) const { return markets_[id]; }
  Market& market(MarketId id) { return markets_[id]; }
  const Lane& lane(MarketId from, MarketId to) const { return lanes_[from * markets_.size() + to]; }
  // Kogut-Singh index over Hofstede dimensions, rescaled to 0..1 over the run's markets.
  double cultural_distance(MarketId a, MarketId b) const {
    return cultural_distance_[a * markets_.size() + b];
  }
  // -1 when the code is not in this run.
  int find(const std::string& code) const;
  // Called once a day by the calendar phase.
  void advance_internet(double years_elapsed, double growth_per_year);

 private:
  std::vector<Market> markets_;
  std::vector<Lane> lanes_;
  std::vector<double> cultural_distance_;
  std::vector<double> initial_internet_share_;
};

// Reads a world table. Throws WorldTableError with file:line and the column on bad data.
std::vector<CountryRecord> read_world_table(const std::string& path);

// Picks the configured markets (in the configured order) out of the table and
// builds the world. Throws WorldTableError naming an unknown market code.
World build_world(const std::vector<CountryRecord>& table, const WorldConfig& config);

struct WorldTableError : InputError {
  using InputError::InputError;
};

}  // namespace mercator
