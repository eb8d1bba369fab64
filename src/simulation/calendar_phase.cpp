#include "simulation/calendar_phase.hpp"

#include <algorithm>
#include <cmath>

#include "core/parameter_assignment.hpp"
#include "core/random_stream.hpp"
#include "market/platform_decisions.hpp"
#include "market/seller_dynamics.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

std::string join_codes(const std::vector<std::string>& codes) {
  std::string joined;
  for (const std::string& code : codes) joined += (joined.empty() ? "" : ";") + code;
  return joined;
}

std::vector<MarketId> event_markets(const EcosystemState& state, const ScheduledEvent& event) {
  std::vector<MarketId> markets;
  if (event.markets.empty()) {
    for (MarketId m = 0; m < state.market_count(); ++m) markets.push_back(m);
    return markets;
  }
  for (const std::string& code : event.markets) {
    const int market = state.world->find(code);
    if (market >= 0) markets.push_back(MarketId(market));
  }
  return markets;
}

std::vector<int> event_platforms(const EcosystemState& state, const ScheduledEvent& event) {
  std::vector<int> platforms;
  for (int p = 0; p < state.platform_count(); ++p) {
    if (event.platform.empty() || state.platforms[p].name == event.platform) platforms.push_back(p);
  }
  return platforms;
}

bool active_on(const EcosystemState& state, const ScheduledEvent& event) {
  const Date start = *Date::parse(event.date);
  const int32_t first = state.calendar.step_of(start);
  return state.day >= first && state.day < first + std::max<int32_t>(1, int32_t(event.duration_days));
}

// Events that last (festivals, shocks) shape today's demand and transit.
void apply_lasting_events(EcosystemState& state, const SimulationConfig& config) {
  std::fill(state.demand.session_multiplier.begin(), state.demand.session_multiplier.end(), 1.0f);
  std::fill(state.demand.transit_multiplier.begin(), state.demand.transit_multiplier.end(), 1.0f);
  for (const ScheduledEvent& event : config.events) {
    const bool demand = event.type == "festival" || event.type == "shock";
    const bool transit = event.type == "logistics_shock" || event.type == "shock";
    if ((!demand && !transit) || !active_on(state, event)) continue;
    for (MarketId m : event_markets(state, event)) {
      if (demand) state.demand.session_multiplier[m] *= float(event.multiplier);
      if (event.type == "logistics_shock") state.demand.transit_multiplier[m] *= float(event.multiplier);
      if (event.type == "shock") state.demand.transit_multiplier[m] *= float(1.0 / std::max(0.05, event.multiplier));
    }
  }
}

void merge_users(EcosystemState& state, int platform, MarketId market, double share) {
  BuyerTable& buyers = state.buyers;
  RandomStream random(state.seed, Purpose::Calendar, state.day, market);
  for (BuyerId b = buyers.market_first[market]; b < buyers.market_end[market]; ++b) {
    if (buyers.state(b, platform) != Adoption::Active && random.bernoulli(share)) {
      buyers.set_state(b, platform, Adoption::Active);
    }
  }
}

void ban(EcosystemState& state, int platform, MarketId market) {
  PlatformState& owner = state.platforms[platform];
  owner.banned[market] = 1;
  owner.present[market] = 0;
  BuyerTable& buyers = state.buyers;
  for (BuyerId b = buyers.market_first[market]; b < buyers.market_end[market]; ++b) {
    if (buyers.state(b, platform) == Adoption::Active) buyers.set_state(b, platform, Adoption::Churned);
  }
}

// Applies an event that happens once, on its date. Returns true when a
// mechanism was switched.
bool apply_dated_event(EcosystemState& state, SimulationConfig& config, const ScheduledEvent& event) {
  const std::string& type = event.type;
  bool switched = false;
  if (type == "set") {
    std::string error;
    assign_parameter([&](ParameterVisitor& visitor) { visit_parameters(visitor, config); }, event.key,
                     event.value, error);
    switched = event.key.starts_with("mechanisms.") && event.key.ends_with(".enabled");
    // Rules in force follow a scheduled change of the enforcement parameters.
    if (event.key == "mechanisms.rules.detection_at_listing") {
      for (PlatformState& owner : state.platforms) owner.detection_at_listing = config.mechanisms.rules.detection_at_listing;
    }
    if (event.key == "mechanisms.rules.detection_per_sale") {
      for (PlatformState& owner : state.platforms) owner.detection_per_sale = config.mechanisms.rules.detection_per_sale;
    }
  }
  for (int platform : event_platforms(state, event)) {
    for (MarketId m : event_markets(state, event)) {
      if (type == "ban") ban(state, platform, m);
      if (type == "enter") {
        state.platforms[platform].banned[m] = 0;
        enter_market(state, platform, m, "scheduled");
      }
      if (type == "merger" && state.policy.cooperation) merge_users(state, platform, m, event.multiplier);
      if (type == "alliance" && state.policy.cooperation) {
        PlatformState& owner = state.platforms[platform];
        owner.has_partner[m] = 1;
        owner.localization[m] = std::min(
            1.0f, owner.localization[m] + float(config.mechanisms.cooperation.partner_localization_boost));
        const auto merchants = static_cast<size_t>(config.mechanisms.cooperation.alliance_sellers /
                                                   std::max<size_t>(1, event_markets(state, event).size()));
        bring_in_merchants(state, platform, m, merchants);  // keyed by market and platform
      }
    }
    if (type == "innovation" && state.policy.innovation) {
      PlatformState& owner = state.platforms[platform];
      owner.channels |= uint8_t(1u << std::min(7, std::countr_one(unsigned(owner.channels))));
    }
  }
  const std::string markets = event.markets.empty() ? "ALL" : join_codes(event.markets);
  state.log_event(markets, event.platform, type, event.label.empty() ? event.key + " " + event.value : event.label);
  return switched;
}

void drift_demand(EcosystemState& state, const SimulationConfig& config) {
  const int categories = static_cast<int>(config.sellers.categories);
  const double drift = config.mechanisms.self_organization.demand_drift_per_day;
  for (size_t m = 0; m < state.market_count(); ++m) {
    RandomStream random(state.seed, Purpose::Calendar, state.day, (uint64_t(1) << 32) + m);
    float* shares = &state.demand.category_demand[m * categories];
    double total = 0;
    for (int c = 0; c < categories; ++c) {
      shares[c] = float(std::max(0.01, shares[c] * std::exp(drift * random.normal())));
      total += shares[c];
    }
    for (int c = 0; c < categories; ++c) shares[c] = float(shares[c] / total);
  }
}

}  // namespace

bool run_calendar(EcosystemState& state, SimulationConfig& live_config) {
  bool switched = false;
  for (const ScheduledEvent& event : live_config.events) {
    if (state.calendar.step_of(*Date::parse(event.date)) != state.day) continue;
    if (event.type == "festival" || event.type == "shock" || event.type == "logistics_shock") {
      state.log_event(event.markets.empty() ? "ALL" : join_codes(event.markets), event.platform, event.type,
                      event.label);
      continue;
    }
    switched |= apply_dated_event(state, live_config, event);
  }
  apply_lasting_events(state, live_config);
  state.world->advance_internet(state.day / 365.25, live_config.world.internet_growth_per_year);
  drift_demand(state, live_config);
  return switched;
}

}  // namespace mercator
