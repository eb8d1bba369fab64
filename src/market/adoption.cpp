#include "market/adoption.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/random_stream.hpp"
#include "market/buyer_picks.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

double count_active(const EcosystemState& state, MarketId market, int platform) {
  return state.buyers.active_count[size_t(market) * state.buyers.platform_count + platform];
}

bool may_adopt(const EcosystemState& state, BuyerId buyer, int platform) {
  if (state.policy.multi_homing) return true;
  for (int other = 0; other < state.platform_count(); ++other) {
    if (other != platform && state.buyers.state(buyer, other) == Adoption::Active) return false;
  }
  return true;
}

void adopt_in_market(EcosystemState& state, MarketId market, int platform, double active_share,
                     MarketTally& tally) {
  const BuyerConfig& config = state.config->buyers;
  PlatformState& owner = state.platforms[platform];
  BuyerTable& buyers = state.buyers;
  const BuyerId first = buyers.market_first[market];
  const uint32_t size = buyers.market_end[market] - first;
  // Only buyers in the market potential can adopt, so the contacts are drawn
  // among them: the market-wide Poisson stream of contacts, thinned to them.
  const std::span<const BuyerId> potential = buyers.potential_buyers[market];
  const auto reachable = static_cast<uint32_t>(potential.size());
  const double external = owner.adoption_reach[market] + owner.network_hazard[market];
  const double hazard_max = external + config.word_of_mouth_per_day;
  const double trust = std::min(1.0f, owner.trust[market]);
  const uint64_t stream_id = uint64_t(market) * kMaxPlatforms + platform;

  RandomStream random(state.seed, Purpose::BuyerAdoption, state.day, stream_id);
  const uint64_t contacts = random.poisson(reachable * hazard_max);
  BuyerPicks contacted(buyers, BuyerColumns::Ties);
  contacted.draw(random, potential, contacts);
  for (size_t k = 0; k < contacted.size(); ++k) {
    contacted.fetch_ahead(k);
    const BuyerId buyer = contacted[k];
    const double accept = random.uniform();
    const double decide = random.uniform();
    const Adoption current = buyers.state(buyer, platform);
    if (current == Adoption::Active) continue;
    // Word of mouth scales with the active share of the buyer's ties relative
    // to the market potential, so q keeps its Bass meaning when m < 1.
    const double word_of_mouth = std::min(
        1.0, active_tie_share(state, buyer, platform, active_share) / config.market_potential_share);
    double hazard = external + config.word_of_mouth_per_day * word_of_mouth;
    if (current == Adoption::Churned) hazard *= config.reactivation_factor;
    if (accept * hazard_max >= hazard) continue;
    // Reached: the buyer adopts if the platform is trusted enough, else stays aware.
    if (decide < trust && may_adopt(state, buyer, platform)) {
      buyers.set_state(buyer, platform, Adoption::Active);
      tally.adoptions += 1;
    } else if (current == Adoption::Unaware) {
      buyers.set_state(buyer, platform, Adoption::Aware);
    }
  }

  RandomStream churn_random(state.seed, Purpose::BuyerAdoption, state.day,
                            stream_id + (uint64_t(1) << 40));
  BuyerPicks leaving(buyers, BuyerColumns::StatesOnly);
  leaving.draw(churn_random, first, size, churn_random.poisson(size * owner.churn_hazard[market]));
  for (size_t k = 0; k < leaving.size(); ++k) {
    leaving.fetch_ahead(k);
    const BuyerId buyer = leaving[k];
    if (buyers.state(buyer, platform) != Adoption::Active) continue;
    buyers.set_state(buyer, platform, Adoption::Churned);
    tally.churns += 1;
  }
}

}  // namespace

double active_tie_share(const EcosystemState& state, BuyerId buyer, int platform,
                        double market_active_share) {
  const BuyerTable& buyers = state.buyers;
  if (buyers.ties_per_buyer == 0) return market_active_share;
  int active = 0;
  const BuyerId* ties = &buyers.ties[size_t(buyer) * buyers.ties_per_buyer];
  for (int k = 0; k < buyers.ties_per_buyer; ++k) {
    active += buyers.state(ties[k], platform) == Adoption::Active;
  }
  return double(active) / buyers.ties_per_buyer;
}

void run_buyer_adoption(EcosystemState& state) {
  const size_t markets = state.market_count();
  state.pool->parallel_for(markets, [&](size_t index, unsigned) {
    const auto market = static_cast<MarketId>(index);
    const double size = state.buyers.market_end[market] - state.buyers.market_first[market];
    for (int platform = 0; platform < state.platform_count(); ++platform) {
      const PlatformState& owner = state.platforms[platform];
      if (!owner.present[market] || owner.banned[market] || state.day < owner.launch_day) continue;
      // The fully mixed limit needs the market's active share; with ties it is unused.
      const double active_share =
          state.buyers.ties_per_buyer == 0 ? count_active(state, market, platform) / size : 0.0;
      adopt_in_market(state, market, platform, active_share, state.tally.markets[market]);
    }
  });
}

}  // namespace mercator
