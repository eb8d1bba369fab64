// Logistics lanes between markets: distance, cost, transit time, loss, duty.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "world/world.hpp"

namespace mercator {
namespace {

constexpr double kEarthRadiusKm = 6371.0;  // mean radius (IUGG)
// Domestic parcels lose far less than cross-border ones: no hand-over between
// postal operators and no customs hold.
constexpr double kDomesticLossShare = 0.2;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// Poor destination logistics stretch delivery: x1.5 at the worst LPI, x1.0 at the best.
double logistics_slowdown(const Market& destination) {
  return 1.5 - 0.5 * destination.logistics_quality;
}

}  // namespace

double great_circle_km(const CountryRecord& a, const CountryRecord& b) {
  const double half_dlat = radians(b.latitude - a.latitude) / 2;
  const double half_dlon = radians(b.longitude - a.longitude) / 2;
  const double h = std::sin(half_dlat) * std::sin(half_dlat) +
                   std::cos(radians(a.latitude)) * std::cos(radians(b.latitude)) *
                       std::sin(half_dlon) * std::sin(half_dlon);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

Lane make_domestic_lane(const Market& market, const WorldConfig& config) {
  Lane lane;
  lane.cost_usd = config.domestic_cost_usd;
  lane.transit_days_median = config.domestic_transit_days * logistics_slowdown(market);
  lane.transit_sigma = config.transit_sigma;
  lane.loss_probability = config.loss_base_probability * kDomesticLossShare;
  lane.tariff = 0;
  // No customs at home: no parcel value ever reaches the threshold.
  lane.de_minimis_usd = std::numeric_limits<double>::max();
  lane.distance_km = 0;
  return lane;
}

Lane make_cross_border_lane(const Market& from, const Market& to, const WorldConfig& config) {
  const double km = great_circle_km(from.country, to.country);
  Lane lane;
  lane.distance_km = km;
  lane.cost_usd = config.lane_base_cost_usd + config.lane_cost_per_1000km_usd * km / 1000;
  lane.transit_days_median = (config.transit_base_days +
                              config.transit_days_per_1000km * km / 1000 + config.clearance_days) *
                             logistics_slowdown(to);
  lane.transit_sigma = config.transit_sigma;
  // A probability, even if a scenario pushes both loss parameters to their maximum.
  lane.loss_probability =
      std::min(1.0, config.loss_base_probability +
                        config.loss_per_logistics_gap * (1 - to.logistics_quality));
  lane.tariff = to.country.duty_rate;
  lane.de_minimis_usd = to.country.de_minimis_usd;
  return lane;
}

}  // namespace mercator
