#include "market/fulfilment.hpp"

#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr double kLateFactor = 1.3;  // a delivery this much over the promise counts as late

// Takes a unit from stock; an order the seller cannot fill is cancelled.
bool take_from_stock(EcosystemState& state, SellerId seller) {
  SellerTable& sellers = state.sellers;
  if (sellers.inventory[seller] < 1.0f) {
    sellers.stockouts_week[seller] += 1;
    return false;
  }
  sellers.inventory[seller] -= 1.0f;
  return true;
}

Money order_total(const Order& order) { return order.price + order.shipping + order.duty; }

Money commission_for(const EcosystemState& state, const Order& order) {
  const SimulationConfig& config = *state.config;
  const SellerTable& sellers = state.sellers;
  if (state.policy.profit_distribution &&
      state.day - sellers.entry_day[order.seller] < config.mechanisms.profit_distribution.commission_free_days) {
    return 0;
  }
  return share_of(order.price, config.platforms[order.platform].commission_rate);
}

// Money at the sale: into escrow, or (without escrow) to the seller, who pays
// carrier, customs and commission at once. The goods were paid for when stocked.
void pay_at_sale(EcosystemState& state, const Order& order) {
  Ledger& ledger = state.ledger;
  const AccountId household = state.household_accounts[order.buyer_market];
  const AccountId seller = state.sellers.account[order.seller];
  const PlatformState& owner = state.platforms[order.platform];
  if (order.escrowed) {
    ledger.transfer(household, owner.escrow_account, order_total(order), Reason::Purchase);
  } else {
    ledger.transfer(household, seller, order_total(order), Reason::Purchase);
    ledger.transfer(seller, state.carriers.account[order.mode], order.shipping, Reason::Shipping);
    ledger.transfer(seller, state.regulators.account[order.buyer_market], order.duty, Reason::Duty);
    ledger.transfer(seller, owner.account, order.commission, Reason::Commission);
  }
}

void ship(EcosystemState& state, Order& order, RandomStream& random) {
  const SimulationConfig& config = *state.config;
  const SellerTable& sellers = state.sellers;
  const bool cross_border = order.seller_market != order.buyer_market;
  const bool from_warehouse = order.mode == uint8_t(LogisticsMode::Warehouse);
  const MarketId origin = from_warehouse ? order.buyer_market : order.seller_market;
  const Lane& lane = state.world->lane(origin, order.buyer_market);
  const bool contracted = sellers.contracted[order.seller] && state.policy.contracts;
  double shock = state.demand.transit_multiplier[order.buyer_market];
  if (contracted) shock = 1.0 + (shock - 1.0) * (1.0 - config.mechanisms.contracts.shock_shield);
  const double sigma = lane.transit_sigma * (contracted ? 0.6 : 1.0);
  const double median = lane.transit_days_median * state.carriers.time_factor[order.mode] *
                        state.carriers.congestion[order.mode] * shock;
  const double transit = random.lognormal(std::log(median), sigma);
  double loss = lane.loss_probability * state.carriers.loss_factor[order.mode];
  if (contracted) loss *= 1.0 - config.mechanisms.contracts.loss_reduction;
  order.lost = random.bernoulli(loss);
  order.seized = cross_border && !from_warehouse &&
                 order.quality == uint8_t(GoodsQuality::Counterfeit) &&
                 random.bernoulli(state.regulators.inspection_rate[order.buyer_market] *
                                  config.customs.seizure_given_counterfeit);
  order.delivery_day = state.day + std::max(1, static_cast<int>(std::ceil(transit)));
  // Escrow holds the money until the buyer confirms or the auto-release
  // deadline passes.
  const EscrowConfig& escrow = config.mechanisms.escrow;
  const bool confirms = random.bernoulli(escrow.confirming_share);
  const int confirmation =
      order.escrowed ? static_cast<int>(confirms ? escrow.confirm_days : escrow.auto_release_days) : 0;
  order.settle_day = std::min(order.delivery_day + confirmation,
                              state.day + OrderBook::kHorizonDays - 1);
  state.carriers.load_today[order.mode] += 1;
}

void count_sale(EcosystemState& state, const Order& order) {
  MarketTally& tally = state.tally.markets[order.buyer_market];
  const double value = to_dollars(order.price);
  tally.orders += 1;
  tally.gmv += value;
  tally.shipping_paid += to_dollars(order.shipping);
  tally.duty_paid += to_dollars(order.duty);
  if (order.seller_market != order.buyer_market) {
    tally.cross_border_orders += 1;
    tally.gmv_cross_border += value;
  }
  tally.counterfeit_orders += order.quality == uint8_t(GoodsQuality::Counterfeit);
  tally.poor_orders += order.quality == uint8_t(GoodsQuality::Poor);
  SellerTable& sellers = state.sellers;
  sellers.sales_today[order.seller] += 1;
  sellers.profit_today[order.seller] +=
      float(value - to_dollars(order.commission) - sellers.unit_cost[order.seller]);
}

// Money at settlement of a delivered, undisputed (or lost-dispute) order.
void release(EcosystemState& state, const Order& order) {
  Ledger& ledger = state.ledger;
  const PlatformState& owner = state.platforms[order.platform];
  const AccountId seller = state.sellers.account[order.seller];
  ledger.transfer(owner.escrow_account, state.carriers.account[order.mode], order.shipping, Reason::Shipping);
  ledger.transfer(owner.escrow_account, state.regulators.account[order.buyer_market], order.duty, Reason::Duty);
  ledger.transfer(owner.escrow_account, owner.account, order.commission, Reason::Commission);
  ledger.transfer(owner.escrow_account, seller, order.price - order.commission, Reason::SaleRelease);
}

// Refund from escrow: the buyer gets everything back; a carrier that
// delivered keeps its fee, which the seller then owes.
void refund_from_escrow(EcosystemState& state, const Order& order, bool delivered) {
  Ledger& ledger = state.ledger;
  const PlatformState& owner = state.platforms[order.platform];
  const AccountId household = state.household_accounts[order.buyer_market];
  ledger.transfer(owner.escrow_account, household, order_total(order), Reason::Refund);
  if (delivered) {
    ledger.transfer(state.sellers.account[order.seller], state.carriers.account[order.mode],
                    order.shipping, Reason::Shipping);
  }
  state.tally.markets[order.buyer_market].refunds += to_dollars(order_total(order));
  state.tally.markets[order.buyer_market].refunded_orders += 1;
}

// Without escrow the buyer depends on the seller's goodwill.
void refund_by_seller(EcosystemState& state, const Order& order, RandomStream& random) {
  const EscrowConfig& escrow = state.config->mechanisms.escrow;
  const bool honest = order.quality == uint8_t(GoodsQuality::Genuine);
  const double willingness = honest ? escrow.refund_without_escrow_honest
                                    : escrow.refund_without_escrow_dishonest;
  if (!random.bernoulli(willingness)) return;
  state.ledger.transfer(state.sellers.account[order.seller], state.household_accounts[order.buyer_market],
                        order.price, Reason::Refund);
  state.tally.markets[order.buyer_market].refunds += to_dollars(order.price);
  state.tally.markets[order.buyer_market].refunded_orders += 1;
}

double satisfaction_probability(const EcosystemState& state, const Order& order, bool late) {
  static constexpr double kByQuality[] = {0.93, 0.45, 0.3};  // genuine, poor, counterfeit
  double happy = kByQuality[order.quality];
  if (late) happy *= 0.7;
  if (state.policy.training) {
    const double reduction = state.config->mechanisms.training.dispute_reduction_per_level *
                             state.sellers.training_level[order.seller];
    happy = 1.0 - (1.0 - happy) * std::max(0.0, 1.0 - reduction);
  }
  return happy;
}

void rate(EcosystemState& state, const Order& order, bool happy, bool late, RandomStream& random) {
  SellerTable& sellers = state.sellers;
  MarketTally& tally = state.tally.markets[order.buyer_market];
  const SellerId seller = order.seller;
  if (happy) {
    sellers.rating_good[seller] += 1;
    tally.ratings_good += 1;
  } else if (random.bernoulli(0.4)) {
    sellers.rating_medium[seller] += 1;
    tally.ratings_medium += 1;
  } else {
    sellers.rating_poor[seller] += 1;
    tally.ratings_poor += 1;
  }
  // The 4-item store score (1..5): as described, service, dispatch, delivery.
  const float described = order.quality == uint8_t(GoodsQuality::Genuine) ? 5.0f : happy ? 4.0f : 2.0f;
  const float service = happy ? 5.0f : 3.0f;
  const float delivery = late ? 2.5f : 5.0f;
  constexpr float kWeight = 0.05f;  // moving average over about 20 ratings
  sellers.store_described[seller] += kWeight * (described - sellers.store_described[seller]);
  sellers.store_service[seller] += kWeight * (service - sellers.store_service[seller]);
  sellers.store_dispatch[seller] += kWeight * (4.5f - sellers.store_dispatch[seller]);
  sellers.store_delivery[seller] += kWeight * (delivery - sellers.store_delivery[seller]);
  tally.store_score_sum += (described + service + 4.5f + delivery) / 4.0f;
}

void settle(EcosystemState& state, const Order& order, RandomStream& random) {
  const SimulationConfig& config = *state.config;
  MarketTally& tally = state.tally.markets[order.buyer_market];
  PlatformState& owner = state.platforms[order.platform];
  tally.settled_orders += 1;
  if (order.lost || order.seized) {
    tally.lost_parcels += order.lost;
    tally.seized_parcels += order.seized;
    if (order.escrowed) refund_from_escrow(state, order, false);
    owner.satisfaction[order.buyer_market] += 0.01f * (0.0f - owner.satisfaction[order.buyer_market]);
    return;
  }
  const double actual_days = order.delivery_day - order.sale_day;
  const bool late = actual_days > kLateFactor * order.promised_days + 1.0;
  const bool happy = random.bernoulli(satisfaction_probability(state, order, late));
  tally.delivered_orders += 1;
  tally.delivery_days += actual_days;
  tally.happy_orders += happy;
  rate(state, order, happy, late, random);

  bool refunded = false;
  if (!happy && random.bernoulli(config.buyers.dispute_propensity)) {
    tally.disputes += 1;
    state.sellers.disputes_30d[order.seller] += 1;
    // Public supervision: a jury finds for the buyer when the goods were bad
    // or late, with the jury's accuracy; coin-flip without the rules module.
    const bool buyer_right = order.quality != uint8_t(GoodsQuality::Genuine) || late;
    const double accuracy = state.policy.rules ? config.mechanisms.rules.jury_accuracy : 0.5;
    const bool buyer_wins = random.bernoulli(buyer_right ? accuracy : 1.0 - accuracy);
    if (buyer_wins) {
      if (order.escrowed) {
        refund_from_escrow(state, order, true);
        refunded = true;
      } else {
        refund_by_seller(state, order, random);
      }
      if (state.policy.rules) {
        state.sellers.penalty_points[order.seller] += float(config.mechanisms.rules.points_per_lost_dispute);
      }
    }
    owner.dispute_rate[order.buyer_market] += 0.01f * (1.0f - owner.dispute_rate[order.buyer_market]);
  } else {
    owner.dispute_rate[order.buyer_market] += 0.01f * (0.0f - owner.dispute_rate[order.buyer_market]);
  }
  if (order.escrowed && !refunded) release(state, order);
  // Trust follows experience; an escrow refund repairs most of a bad one.
  const float experience = happy ? 1.0f : refunded ? 0.7f : 0.0f;
  owner.satisfaction[order.buyer_market] += 0.01f * (experience - owner.satisfaction[order.buyer_market]);
  if (!happy && !refunded && random.bernoulli(config.buyers.bad_experience_churn) &&
      state.buyers.state(order.buyer, order.platform) == Adoption::Active) {
    state.buyers.set_state(order.buyer, order.platform, Adoption::Churned);
    tally.churns += 1;
  }
}

}  // namespace

std::vector<Order> accept_orders(EcosystemState& state,
                                 const std::vector<std::vector<Order>>& purchases) {
  size_t ordered = 0;
  for (const auto& market_purchases : purchases) ordered += market_purchases.size();
  std::vector<Order> accepted;
  accepted.reserve(ordered);
  RandomStream random(state.seed, Purpose::Logistics, state.day, 0);
  for (const auto& market_purchases : purchases) {
    for (Order order : market_purchases) {
      if (!take_from_stock(state, order.seller)) {
        state.tally.markets[order.buyer_market].cancelled_orders += 1;
        continue;
      }
      order.escrowed = state.policy.escrow;
      order.commission = commission_for(state, order);
      ship(state, order, random);
      pay_at_sale(state, order);
      count_sale(state, order);
      state.orders.file(order);
      accepted.push_back(order);
    }
  }
  return accepted;
}

std::vector<Order> settle_due_orders(EcosystemState& state) {
  std::vector<Order> due = state.orders.take_due(state.day);
  RandomStream random(state.seed, Purpose::Evaluation, state.day, 0);
  for (const Order& order : due) settle(state, order, random);
  return due;
}

}  // namespace mercator
