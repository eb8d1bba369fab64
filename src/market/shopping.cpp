#include "market/shopping.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/random_stream.hpp"
#include "market/buyer_picks.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr double kCulturallyFar = 0.3;  // cultural distance counted as "across cultures"

int draw_category(const EcosystemState& state, MarketId market, RandomStream& random) {
  const int categories = state.catalog.categories;
  const float* shares = &state.demand.category_demand[size_t(market) * categories];
  double pick = random.uniform();
  for (int c = 0; c < categories - 1; ++c) {
    pick -= shares[c];
    if (pick < 0) return c;
  }
  return categories - 1;
}

// Ranking: a slot is filled by the algorithm (a tournament on the displayed
// score among sellers of the needed category) with probability equal to its
// quality, else by an unranked pick from the whole catalogue.
SellerId fill_slot(const EcosystemState& state, int platform, int category, int tournament,
                   RandomStream& random) {
  const auto& relevant = state.catalog.in_category(platform, category);
  const auto& everything = state.catalog.all_listings[platform];
  if (relevant.empty() || !random.bernoulli(state.platforms[platform].algorithm_quality)) {
    return everything[random.below(uint32_t(everything.size()))];
  }
  Listing best = relevant[random.below(uint32_t(relevant.size()))];
  for (int k = 1; k < tournament; ++k) {
    const Listing rival = relevant[random.below(uint32_t(relevant.size()))];
    // Which of two random listings scores higher is a coin flip to the
    // branch predictor: selected without a branch (ties keep the first).
    const bool better = rival.score > best.score;
    best.seller = better ? rival.seller : best.seller;
    best.score = better ? rival.score : best.score;
  }
  return best.seller;
}

int pick_platform(const EcosystemState& state, BuyerId buyer, MarketId market, RandomStream& random) {
  int options[kMaxPlatforms];
  int count = 0;
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    const PlatformState& owner = state.platforms[platform];
    if (state.buyers.state(buyer, platform) != Adoption::Active) continue;
    if (!owner.present[market] || owner.banned[market]) continue;
    if (state.catalog.all_listings[platform].empty()) continue;
    options[count++] = platform;
  }
  if (count == 0) return -1;
  return options[count == 1 ? 0 : random.below(uint32_t(count))];
}

double channel_boost(const EcosystemState& state, int platform) {
  if (!state.policy.innovation) return 1.0;
  const PlatformState& owner = state.platforms[platform];
  const int channels = std::popcount(owner.channels);
  return 1.0 + state.config->mechanisms.innovation.channel_session_boost * channels * owner.channel_uptake;
}

// What a seller charges a buyer in a market, before it becomes an offer or
// order terms: shared so that both see the same figures.
struct Costs {
  LogisticsMode mode;
  MarketId home;
  double price, shipping, duty, days;
};

// Inline: shopping prices every slot of every session.
inline Costs quoted_costs(const EcosystemState& state, SellerId seller, int platform, MarketId buyer_market) {
  const SellerTable& sellers = state.sellers;
  const PlatformState& owner = state.platforms[platform];
  const World& world = *state.world;
  const SimulationConfig& config = *state.config;
  const MarketId home = sellers.home[seller];
  auto mode = static_cast<LogisticsMode>(sellers.logistics_mode[seller]);
  // A warehouse seller ships from stock in the buyer's market when the
  // platform has a warehouse there, otherwise from home by economy post.
  const bool from_warehouse = mode == LogisticsMode::Warehouse && owner.has_warehouse[buyer_market];
  if (mode == LogisticsMode::Warehouse && !from_warehouse) mode = LogisticsMode::Economy;
  const MarketId origin = from_warehouse ? buyer_market : home;
  const Lane& lane = world.lane(origin, buyer_market);
  const bool contracted = sellers.contracted[seller] && state.policy.contracts;

  const double price = sellers.unit_cost[seller] * (1.0 + sellers.markup[seller]);
  const int carrier = static_cast<int>(mode);
  double shipping = lane.cost_usd * state.carriers.cost_factor[carrier];
  if (contracted) shipping *= 1.0 - config.mechanisms.contracts.cost_discount;
  const bool cross_border = home != buyer_market;
  const double duty = cross_border && price > lane.de_minimis_usd ? lane.tariff * price : 0.0;
  const double days = lane.transit_days_median * state.carriers.time_factor[carrier] *
                      state.carriers.congestion[carrier];
  return {mode, home, price, shipping, duty, days};
}

inline Offer offer_from(const EcosystemState& state, const Costs& costs, SellerId seller, int platform,
                        MarketId buyer_market) {
  Offer offer;
  offer.landed_price = costs.price + costs.shipping + costs.duty;
  offer.rating = state.sellers.displayed_rating[seller];
  offer.delivery_days = costs.days;
  offer.cultural_gap = state.world->cultural_distance(costs.home, buyer_market) *
                       (1.0 - state.platforms[platform].localization[buyer_market]);
  return offer;
}

// The offer a seller makes to a buyer in a market on a platform.
inline Offer quoted_offer(const EcosystemState& state, SellerId seller, int platform,
                          MarketId buyer_market) {
  return offer_from(state, quoted_costs(state, seller, platform, buyer_market), seller, platform,
                    buyer_market);
}

void shop_in_market(EcosystemState& state, MarketId market, std::vector<Order>& purchases) {
  const SimulationConfig& config = *state.config;
  const BuyerConfig& buyer_config = config.buyers;
  const BuyerTable& buyers = state.buyers;
  MarketTally& tally = state.tally.markets[market];
  // Each active buyer starts sessions_per_day sessions a day (times the
  // festival and channel multipliers): a Poisson number of sessions for the
  // market, each given to an active buyer drawn at random. A buyer active
  // nowhere cannot shop, so the draw is among the active ones alone.
  const std::span<const BuyerId> shoppers = buyers.active_buyers[market];
  const auto shopper_count = static_cast<uint32_t>(shoppers.size());
  double max_boost = 1.0;
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    max_boost = std::max(max_boost, channel_boost(state, platform));
  }
  const int slots = static_cast<int>(std::min<int64_t>(buyer_config.consideration_set_size, 64));
  const int tournament = state.policy.reputation
                             ? static_cast<int>(config.mechanisms.reputation.tournament_size)
                             : 1;
  // Poorer markets weigh price more (income index 1 = the richest market).
  const double income_price_factor = 1.0 / (0.3 + 0.7 * state.world->market(market).income_index);

  RandomStream random(state.seed, Purpose::Shopping, state.day, market);
  const uint64_t sessions = random.poisson(shopper_count * buyer_config.sessions_per_day *
                                           state.demand.session_multiplier[market] * max_boost);
  BuyerPicks shopping_buyers(buyers, BuyerColumns::PriceSensitivity);
  shopping_buyers.draw(random, shoppers, sessions);
  purchases.reserve(purchases.size() + shopping_buyers.size());
  SellerId shown[64];
  double utilities[64];
  for (size_t k = 0; k < shopping_buyers.size(); ++k) {
    shopping_buyers.fetch_ahead(k);
    const BuyerId buyer = shopping_buyers[k];
    const int platform = pick_platform(state, buyer, market, random);
    if (platform < 0) continue;
    if (random.uniform() * max_boost >= channel_boost(state, platform)) continue;
    const PlatformState& owner = state.platforms[platform];
    const int category = draw_category(state, market, random);
    // The ranking fills every slot first, then the offers are priced.
    for (int slot = 0; slot < slots; ++slot) {
      shown[slot] = fill_slot(state, platform, category, tournament, random);
    }
    const ChoiceWeights weights{buyer_config.price_weight * income_price_factor *
                                    buyers.price_sensitivity[buyer],
                                buyer_config.rating_weight, buyer_config.speed_weight,
                                buyer_config.culture_weight, buyer_config.mismatch_penalty};
    bool far_option = false;
    for (int slot = 0; slot < slots; ++slot) {
      const SellerId seller = shown[slot];
      Offer offer = quoted_offer(state, seller, platform, market);
      offer.matches_need = state.sellers.category[seller] == category;
      utilities[slot] = offer_utility(offer, weights);
      far_option |= state.world->cultural_distance(state.sellers.home[seller], market) > kCulturallyFar;
    }
    const double trust = owner.trust[market];
    const double outside = buyer_config.outside_option + buyer_config.distrust_weight * (1.0 - trust);
    const int chosen = choose_offer(std::span<const double>(utilities, slots), outside, random.uniform());
    tally.sessions += 1;
    tally.cross_culture_sessions += far_option;
    if (chosen < 0) continue;
    Order order = order_terms(state, shown[chosen], platform, market);
    order.buyer = buyer;
    tally.matched_sessions += 1;
    tally.cross_culture_matched +=
        state.world->cultural_distance(order.seller_market, market) > kCulturallyFar;
    purchases.push_back(order);
  }
}

Order terms_from(const EcosystemState& state, const Costs& costs, SellerId seller, int platform,
                 MarketId buyer_market) {
  Order terms;
  terms.seller = seller;
  terms.platform = static_cast<uint8_t>(platform);
  terms.quality = state.sellers.quality[seller];
  terms.mode = static_cast<uint8_t>(costs.mode);
  terms.buyer_market = buyer_market;
  terms.seller_market = costs.home;
  terms.price = to_money(costs.price);
  terms.shipping = to_money(costs.shipping);
  terms.duty = to_money(costs.duty);
  terms.promised_days = static_cast<float>(costs.days);
  terms.sale_day = state.day;
  return terms;
}

}  // namespace

Order order_terms(const EcosystemState& state, SellerId seller, int platform, MarketId buyer_market) {
  return terms_from(state, quoted_costs(state, seller, platform, buyer_market), seller, platform,
                    buyer_market);
}

std::vector<std::vector<Order>> run_shopping(EcosystemState& state) {
  // Today's displayed scores, read by every ranking tournament of the day.
  std::vector<bool> tier_bonus;
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    tier_bonus.push_back(state.config->platforms[platform].seller_tiers);
  }
  state.catalog.rank(state.sellers, tier_bonus);
  std::vector<std::vector<Order>> purchases(state.market_count());
  state.pool->parallel_for(state.market_count(), [&](size_t market, unsigned) {
    shop_in_market(state, static_cast<MarketId>(market), purchases[market]);
  });
  return purchases;
}

}  // namespace mercator
