#include "market/platform_decisions.hpp"

#include <algorithm>
#include <cmath>

#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr double kCreatorReach = 0.000004;  // adoption hazard per creator per 1,000 buyers of the market

void launch(EcosystemState& state, int platform) {
  const PlatformConfig& config = state.config->platforms[platform];
  PlatformState& owner = state.platforms[platform];
  enter_market(state, platform, owner.home, "launch");
  for (const std::string& code : config.initial_markets) {
    const int market = state.world->find(code);
    if (market >= 0) enter_market(state, platform, MarketId(market), "launch");
  }
}

void set_hazards(EcosystemState& state, int platform, MarketId market) {
  const SimulationConfig& config = *state.config;
  const PlatformConfig& platform_config = config.platforms[platform];
  PlatformState& owner = state.platforms[platform];
  const Market& place = state.world->market(market);
  const double localization = owner.localization[market];
  // Trust follows buyers' experience; escrow takes part of the risk off them.
  const double guarantee = state.policy.escrow ? config.mechanisms.escrow.trust_boost : 0.0;
  owner.trust[market] = float(std::min(1.0, owner.satisfaction[market] + guarantee));
  const double online_growth = place.internet_share / std::max(1e-9, place.country.internet_share);
  owner.adoption_reach[market] = float(
      config.buyers.ad_reach_per_day * (platform_config.ad_budget_usd_per_day / config.buyers.reference_ad_budget_usd_per_day) *
      owner.ad_spend_factor[market] * (0.5 + 0.5 * localization) * online_growth);

  // Creators on the platform bring their followers' attention.
  const double market_buyers = state.buyers.market_end[market] - state.buyers.market_first[market];
  owner.adoption_reach[market] += float(kCreatorReach * owner.creators_by_market[market] * 1000.0 /
                                        std::max(1.0, market_buyers));

  // Network terms grow with the share of the market potential (Bass m) taken.
  const double share = std::min(1.0, penetration(state, platform, market) /
                                         std::max(1e-9, config.buyers.market_potential_share));
  owner.network_hazard[market] = 0;
  owner.cross_side_hazard[market] = 0;
  owner.churn_hazard[market] = float(config.buyers.churn_per_day);
  if (!state.policy.network_effects) return;
  const NetworkEffectsConfig& network = config.mechanisms.network_effects;
  // Cross-side: sellers on offer per 1,000 buyers of the run, growing in
  // weight as the platform takes hold in the market (concave, MODEL.md 6).
  const double sellers_per_thousand = 1000.0 * owner.member_sellers / std::max<size_t>(1, state.buyers.size());
  const double cross_side =
      network.cross_side_strength * std::log1p(sellers_per_thousand) * std::min(1.0, share * 10.0);
  owner.cross_side_hazard[market] = float(cross_side);
  owner.network_hazard[market] = float(cross_side + network.same_side_strength * share * share);
  owner.churn_hazard[market] =
      float(config.buyers.churn_per_day * (1.0 - network.retention_strength * share));
}

void spend(EcosystemState& state, int platform) {
  const PlatformConfig& config = state.config->platforms[platform];
  PlatformState& owner = state.platforms[platform];
  double spend_weight = 0;
  int markets_present = 0;
  for (MarketId m = 0; m < state.market_count(); ++m) {
    if (!owner.present[m] || owner.banned[m]) continue;
    spend_weight += owner.ad_spend_factor[m];
    ++markets_present;
  }
  if (markets_present == 0) return;
  const double ad_spend = config.ad_budget_usd_per_day * spend_weight / markets_present;
  state.ledger.transfer(owner.account, state.suppliers_account, to_money(ad_spend), Reason::AdSpend);
  state.ledger.transfer(owner.account, state.suppliers_account,
                        to_money(config.ops_cost_usd_per_market_day * markets_present),
                        Reason::PlatformCost);
}

}  // namespace

double penetration(const EcosystemState& state, int platform, MarketId market) {
  const double size = state.buyers.market_end[market] - state.buyers.market_first[market];
  return state.platforms[platform].active_by_market[market] / std::max(1.0, size);
}

void enter_market(EcosystemState& state, int platform, MarketId market, const char* why) {
  PlatformState& owner = state.platforms[platform];
  if (owner.present[market] || owner.banned[market]) return;
  owner.present[market] = 1;
  owner.entry_day[market] = state.day;
  state.log_event(state.world->market(market).country.code, owner.name, "market_entry", why);
}

void run_platform_decisions(EcosystemState& state) {
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    PlatformState& owner = state.platforms[platform];
    if (state.day < owner.launch_day) continue;
    if (state.day == owner.launch_day) launch(state, platform);
    const double yearly = state.config->platforms[platform].localization_per_year;
    for (MarketId m = 0; m < state.market_count(); ++m) {
      if (!owner.present[m] || owner.banned[m]) continue;
      // Localization is learned: it closes a fixed share of the remaining gap a year.
      owner.localization[m] += float(yearly / 365.0 * (1.0 - owner.localization[m]));
      set_hazards(state, platform, m);
    }
    spend(state, platform);
  }
}

}  // namespace mercator
