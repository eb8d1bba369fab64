#include "market/providers.hpp"

#include <algorithm>

#include "core/random_stream.hpp"
#include "market/platform_decisions.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr double kCreatorJoinPerDay = 0.01;   // at full penetration of the creator's market

void update_carriers(EcosystemState& state) {
  const LogisticsConfig& config = state.config->logistics;
  CarrierTable& carriers = state.carriers;
  for (size_t carrier = 0; carrier < carriers.size(); ++carrier) {
    const double overload = std::max(0.0, carriers.load_today[carrier] / config.capacity_per_carrier - 1.0);
    carriers.congestion[carrier] = float(1.0 + config.congestion_delay * overload);
    carriers.load_today[carrier] = 0;
    // Carriers pay their operating costs out of the day's receipts and keep the margin.
    const Money receipts = state.ledger.balance(carriers.account[carrier]) - carriers.retained[carrier];
    if (receipts > 0) {
      state.ledger.transfer(carriers.account[carrier], state.suppliers_account,
                            share_of(receipts, 1.0 - config.carrier_margin), Reason::ProviderCost);
    }
    carriers.retained[carrier] = state.ledger.balance(carriers.account[carrier]);
  }
}

// Creators join the platform with the most penetration in their market
// (content platforms first); their reach counts in tomorrow's adoption
// (market/platform_decisions.cpp).
// The platform a free creator of a market would join today, and the daily
// chance it does: the same for every creator of the market.
struct CreatorPull {
  int best = -1;
  double join = 0;
};

CreatorPull creator_pull(const EcosystemState& state, MarketId m) {
  CreatorPull pull;
  double best_share = 0;
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    if (!state.platforms[platform].present[m]) continue;
    const double share = penetration(state, platform, m) * (state.platforms[platform].is_content ? 2.0 : 1.0);
    if (share > best_share) {
      best_share = share;
      pull.best = platform;
    }
  }
  pull.join = kCreatorJoinPerDay * best_share * (state.policy.profit_distribution ? 2.0 : 1.0);
  return pull;
}

void update_creators(EcosystemState& state) {
  CreatorTable& creators = state.creators;
  RandomStream random(state.seed, Purpose::CreatorEntry, state.day, 0);
  std::vector<int64_t> active_creators(state.market_count() * state.platform_count(), 0);
  std::vector<CreatorPull> pulls(state.market_count());
  for (MarketId m = 0; m < state.market_count(); ++m) pulls[m] = creator_pull(state, m);
  for (size_t row = 0; row < creators.size(); ++row) {
    const MarketId m = creators.market[row];
    if (creators.platform[row] != 255) {
      active_creators[size_t(creators.platform[row]) * state.market_count() + m] += 1;
      continue;
    }
    const CreatorPull& pull = pulls[m];
    if (pull.best >= 0 && random.bernoulli(std::min(1.0, pull.join))) creators.platform[row] = uint8_t(pull.best);
  }
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    for (MarketId m = 0; m < state.market_count(); ++m) {
      state.platforms[platform].creators_by_market[m] =
          float(active_creators[size_t(platform) * state.market_count() + m]);
    }
  }
}

// Advertisers spend in proportion to the active users a platform reaches;
// creators get their share of it where profit distribution is on.
// Advertisers of one market with the same budget spend the same amounts, so
// a run of them pays as one transfer of that many times the amount: the
// same balances and flows, in whole cents, as a transfer each would give.
void collect_advertising(EcosystemState& state) {
  const SimulationConfig& config = *state.config;
  const AdvertiserTable& advertisers = state.advertisers;
  size_t row = 0;
  while (row < advertisers.size()) {
    const MarketId m = advertisers.market[row];
    const float budget = advertisers.budget_per_day[row];
    size_t end = row + 1;
    while (end < advertisers.size() && advertisers.market[end] == m &&
           advertisers.budget_per_day[end] == budget) {
      ++end;
    }
    const auto alike = static_cast<Money>(end - row);
    row = end;
    for (int platform = 0; platform < state.platform_count(); ++platform) {
      PlatformState& owner = state.platforms[platform];
      if (!owner.present[m] || owner.banned[m]) continue;
      const Money spend = to_money(budget * penetration(state, platform, m));
      state.ledger.transfer(state.suppliers_account, owner.account, alike * spend, Reason::Advertising);
      if (!state.policy.profit_distribution) continue;
      const Money creator_cut = share_of(spend, config.mechanisms.profit_distribution.creator_revenue_share);
      state.ledger.transfer(owner.account, state.creator_accounts[m], alike * creator_cut, Reason::CreatorShare);
    }
  }
}

}  // namespace

void update_providers(EcosystemState& state) {
  update_carriers(state);
  update_creators(state);
  collect_advertising(state);
}

}  // namespace mercator
