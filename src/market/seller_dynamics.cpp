#include "market/seller_dynamics.hpp"

#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"
#include "core/rota.hpp"
#include "market/ecosystem_builder.hpp"
#include "market/platform_decisions.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr float kMonthDecay = 29.0f / 30.0f;  // 30-day moving sums

double platform_attractiveness(const EcosystemState& state, int platform) {
  const SimulationConfig& config = *state.config;
  const PlatformConfig& platform_config = config.platforms[platform];
  const PlatformState& owner = state.platforms[platform];
  double buyers = 0.3;  // what an entrant expects from any platform
  if (state.policy.network_effects) {
    const double share = double(owner.active_buyers) / std::max<size_t>(1, state.buyers.size());
    buyers += config.mechanisms.network_effects.seller_entry_elasticity * 5.0 * share;
  }
  double fees = platform_config.commission_rate * 2.0;
  if (state.policy.rules) fees += (platform_config.annual_fee_usd + platform_config.deposit_usd) / 3650.0;
  double subsidy = 0.0;
  if (state.policy.profit_distribution &&
      owner.member_sellers < state.config->mechanisms.profit_distribution.subsidy_until_sellers) {
    subsidy = 0.5;
  }
  return std::max(0.0, buyers * (1.0 + subsidy) * (1.0 - std::min(0.9, fees)));
}

bool admitted(const EcosystemState& state, int platform, SellerId seller, RandomStream& random) {
  if (!state.policy.rules) return true;
  const PlatformConfig& platform_config = state.config->platforms[platform];
  const SellerTable& sellers = state.sellers;
  if (platform_config.admission == "business_only" && !sellers.is_business[seller]) return false;
  if (platform_config.brand_required && !sellers.has_brand[seller]) return false;
  if (sellers.quality[seller] == uint8_t(GoodsQuality::Counterfeit) &&
      random.bernoulli(state.platforms[platform].detection_at_listing)) {
    return false;
  }
  return true;
}

// Under competition a platform with less than its fair share of active
// buyers raises its joining subsidy in proportion to the shortfall.
double subsidy_response(const EcosystemState& state, int platform) {
  if (!state.policy.competition || state.platform_count() < 2) return 1.0;
  double all_active = 0;
  for (const PlatformState& owner : state.platforms) all_active += owner.active_buyers;
  if (all_active <= 0) return 1.0;
  const double fair_share = 1.0 / state.platform_count();
  const double shortfall = std::max(0.0, fair_share - state.platforms[platform].active_buyers / all_active);
  return 1.0 + state.config->mechanisms.competition.subsidy_response * shortfall / fair_share;
}

void charge_joining(EcosystemState& state, int platform, SellerId seller) {
  const SimulationConfig& config = *state.config;
  PlatformState& owner = state.platforms[platform];
  const AccountId account = state.sellers.account[seller];
  if (state.policy.rules) {
    const Money deposit = to_money(config.platforms[platform].deposit_usd);
    state.ledger.transfer(account, owner.account, to_money(config.platforms[platform].annual_fee_usd),
                          Reason::PlatformFee);
    state.ledger.transfer(account, owner.account, deposit, Reason::Deposit);
    state.sellers.deposit_held[seller] += deposit;
  }
  if (state.policy.profit_distribution &&
      owner.member_sellers < config.mechanisms.profit_distribution.subsidy_until_sellers) {
    state.ledger.transfer(owner.account, account,
                          to_money(config.mechanisms.profit_distribution.new_seller_subsidy_usd *
                                   subsidy_response(state, platform)),
                          Reason::Subsidy);
    state.sellers.subsidized[seller] = 1;
  }
  owner.member_sellers += 1;
}

// The annual technical fee falls due on each anniversary of joining.
void charge_annual_fees(EcosystemState& state, SellerId seller) {
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    if (!(state.sellers.platforms[seller] & (1u << platform))) continue;
    const Money fee = to_money(state.config->platforms[platform].annual_fee_usd);
    state.ledger.transfer(state.sellers.account[seller], state.platforms[platform].account, fee,
                          Reason::PlatformFee);
  }
}

// Buys stock for the coming period: the forecast of demand (with the
// seller's forecast error) plus safety stock, paid upfront and limited by
// the cash at hand. This is where forecasting (collaboration) and credit
// (microfinance) meet the seller's sales.
void restock(EcosystemState& state, SellerId seller, double forecast_error, int32_t period_days,
             RandomStream& random) {
  const SellerConfig& config = state.config->sellers;
  SellerTable& sellers = state.sellers;
  const double daily = sellers.orders_30d[seller] > 0 ? sellers.orders_30d[seller] / 30.0
                                                      : config.new_seller_daily_forecast;
  const double forecast = daily * period_days * std::max(0.0, 1.0 + forecast_error * random.normal());
  const double safety = config.safety_stock_share * daily * period_days + config.safety_stock_units;
  const double target = std::min(config.daily_capacity * period_days, forecast + safety);
  const double wanted = std::floor(std::max(0.0, target - sellers.inventory[seller]) + random.uniform());
  const double cash = to_dollars(state.ledger.balance(sellers.account[seller]));
  const double affordable = std::floor(std::max(0.0, cash) / std::max(0.01f, sellers.unit_cost[seller]));
  const double units = std::min(wanted, affordable);
  sellers.stockouts_week[seller] = 0;
  if (units <= 0) return;
  sellers.inventory[seller] += float(units);
  state.ledger.transfer(sellers.account[seller], state.suppliers_account,
                        to_money(units * sellers.unit_cost[seller]), Reason::GoodsCost);
}

void multi_home(EcosystemState& state, RandomStream& random) {
  SellerTable& sellers = state.sellers;
  const double rate = 0.002;  // listed sellers trying a second platform a day
  const uint64_t picks = random.poisson(sellers.size() * rate);
  for (uint64_t k = 0; k < picks; ++k) {
    const SellerId seller = random.below(uint32_t(sellers.size()));
    const int platform = static_cast<int>(random.below(uint32_t(state.platform_count())));
    if (!sellers.alive[seller] || (sellers.platforms[seller] & (1u << platform))) continue;
    if (state.day < state.platforms[platform].launch_day) continue;
    if (!admitted(state, platform, seller, random)) continue;
    sellers.platforms[seller] |= uint8_t(1u << platform);
    charge_joining(state, platform, seller);
  }
}

void imitate(EcosystemState& state, SellerId seller, RandomStream& random) {
  const SellerConfig& config = state.config->sellers;
  SellerTable& sellers = state.sellers;
  const SellerId peer = random.below(uint32_t(sellers.size()));
  if (peer == seller || !sellers.alive[peer]) return;
  // Fermi rule (Traulsen et al. 2006): copy a better-earning peer's strategy.
  const double gap = sellers.profit_30d[peer] - sellers.profit_30d[seller];
  const double copy = 1.0 / (1.0 + std::exp(-gap / config.imitation_noise_usd));
  if (random.bernoulli(copy)) {
    const float genuine_cost = sellers.unit_cost[seller] /
        float(sellers.quality[seller] == uint8_t(GoodsQuality::Counterfeit) ? config.counterfeit_cost_factor
              : sellers.quality[seller] == uint8_t(GoodsQuality::Poor)      ? config.poor_cost_factor
                                                                              : 1.0);
    sellers.markup[seller] = sellers.markup[peer];
    sellers.quality[seller] = sellers.quality[peer];
    sellers.unit_cost[seller] = genuine_cost *
        float(sellers.quality[seller] == uint8_t(GoodsQuality::Counterfeit) ? config.counterfeit_cost_factor
              : sellers.quality[seller] == uint8_t(GoodsQuality::Poor)      ? config.poor_cost_factor
                                                                              : 1.0);
    const auto mode = static_cast<LogisticsMode>(sellers.logistics_mode[peer]);
    if (mode == LogisticsMode::Economy || mode == LogisticsMode::Express) {
      sellers.logistics_mode[seller] = sellers.logistics_mode[peer];
    }
  }
  if (random.bernoulli(config.mutation_rate)) {
    sellers.markup[seller] = float(config.markup_min + random.uniform() * (config.markup_max - config.markup_min));
  }
}

// Weekly, against rivals in the same category: a seller selling below the
// category's average cuts its markup, one selling well above it (and
// running out of stock) raises it. Sales are skewed, so most sellers are
// below the mean and competition pushes prices down.
void compete_on_price(EcosystemState& state, SellerId seller, const std::vector<double>& category_mean) {
  SellerTable& sellers = state.sellers;
  const float step = float(state.config->mechanisms.competition.price_step);
  const double mean = category_mean[sellers.category[seller]];
  if (sellers.orders_30d[seller] < mean) {
    sellers.markup[seller] *= 1.0f - step;
  } else if (sellers.orders_30d[seller] > 2.0 * mean && sellers.stockouts_week[seller] > 0) {
    sellers.markup[seller] *= 1.0f + step;
  }
  sellers.markup[seller] = std::clamp(sellers.markup[seller], 0.02f, 3.0f);
}

std::vector<double> category_mean_orders(const EcosystemState& state) {
  const SellerTable& sellers = state.sellers;
  const size_t categories = static_cast<size_t>(state.config->sellers.categories);
  std::vector<double> total(categories, 0.0), count(categories, 0.0);
  sellers.for_each_living([&](SellerId seller) {
    total[sellers.category[seller]] += sellers.orders_30d[seller];
    count[sellers.category[seller]] += 1;
  });
  for (size_t c = 0; c < categories; ++c) total[c] = count[c] > 0 ? total[c] / count[c] : 0.0;
  return total;
}

}  // namespace

void restock_sellers(EcosystemState& state) {
  const SimulationConfig& config = *state.config;
  const SellerConfig& seller_config = config.sellers;
  SellerTable& sellers = state.sellers;
  const double error = state.policy.collaboration ? config.mechanisms.collaboration.forecast_error_shared
                                                  : config.mechanisms.collaboration.forecast_error_alone;
  const auto interval = std::max<int32_t>(1, int32_t(seller_config.restock_interval_days));
  const RandomStream::Key learning_key = RandomStream::key_of(state.seed, Purpose::SellerLearning);
  const Rota reorder(uint32_t(interval), uint32_t(state.day));
  // Due sellers are gathered a batch at a time, their streams started side
  // by side (RandomStream::stream_starts), then restocked while their rows
  // are still in cache. A restock changes only its own seller's row and
  // account, so this gives what restocking each in the pass would.
  constexpr size_t kBatch = 32;
  SellerId due[kBatch];
  uint32_t start_words[kBatch * RandomStream::kStartWords];
  size_t waiting = 0;
  const auto restock_waiting = [&] {
    RandomStream::stream_starts(learning_key, uint64_t(state.day), std::span(due, waiting),
                                start_words);
    for (size_t k = 0; k < waiting; ++k) {
      RandomStream random(learning_key, uint64_t(state.day), due[k],
                          &start_words[k * RandomStream::kStartWords]);
      restock(state, due[k], error, interval, random);
    }
    waiting = 0;
  };
  sellers.for_each_living([&](SellerId seller) {
    // Only living sellers sell, so only their day's figures need clearing.
    sellers.sales_today[seller] = 0;
    sellers.profit_today[seller] = 0.0f;
    // Restock on the reorder day, on the first day, and the morning after
    // running out with buyers turned away.
    const bool newcomer = sellers.entry_day[seller] == state.day;
    const bool ran_out = sellers.inventory[seller] < 1.0f && sellers.stockouts_week[seller] > 0;
    if (!newcomer && !ran_out && !reorder.due(seller)) return;
    due[waiting++] = seller;
    if (waiting == kBatch) restock_waiting();
  });
  restock_waiting();
}

void run_seller_entry(EcosystemState& state) {
  const SimulationConfig& config = *state.config;
  RandomStream random(state.seed, Purpose::SellerEntry, state.day, 0);
  // Entrants take the rows free this morning in ascending order; one turned
  // away frees its row again for the next.
  const size_t free_rows = state.sellers.free_count();
  size_t taken = 0;
  SellerId cursor = 0;
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    if (state.day < state.platforms[platform].launch_day) continue;
    const double mean = config.sellers.entry_rate_per_day * double(free_rows) *
                        platform_attractiveness(state, platform) / state.platform_count();
    const uint64_t entrants = random.poisson(mean);
    for (uint64_t k = 0; k < entrants && taken < free_rows; ++k) {
      const SellerId row = state.sellers.next_free(cursor);
      place_seller(state, row, platform, random);
      if (!admitted(state, platform, row, random)) {
        // Turned away at the door: the would-be seller takes its capital back.
        state.tally.markets[state.sellers.home[row]].violations_detected +=
            state.sellers.quality[row] == uint8_t(GoodsQuality::Counterfeit);
        state.sellers.platforms[row] = 0;
        retire_seller(state, row, nullptr);
        continue;
      }
      ++taken;
      cursor = row + 1;
      charge_joining(state, platform, row);
      state.tally.markets[state.sellers.home[row]].seller_entries += 1;
    }
  }
  if (state.policy.multi_homing) multi_home(state, random);
}

size_t bring_in_merchants(EcosystemState& state, int platform, MarketId home, size_t count) {
  RandomStream random(state.seed, Purpose::SellerEntry, state.day,
                      (uint64_t(1) << 32) + uint64_t(home) * kMaxPlatforms + platform);
  const size_t placed = std::min(count, state.sellers.free_count());
  SellerId cursor = 0;
  for (size_t k = 0; k < placed; ++k) {
    const SellerId row = place_seller(state, state.sellers.next_free(cursor), platform, random);
    cursor = row + 1;
    state.sellers.home[row] = home;
    state.sellers.is_business[row] = 1;
    charge_joining(state, platform, row);
    state.tally.markets[home].seller_entries += 1;
  }
  return placed;
}

void retire_seller(EcosystemState& state, SellerId seller, const char* why) {
  SellerTable& sellers = state.sellers;
  Ledger& ledger = state.ledger;
  const AccountId account = sellers.account[seller];
  if (sellers.loan_balance[seller] > 0) {
    const Money repayable = std::clamp<Money>(ledger.balance(account), 0, sellers.loan_balance[seller]);
    ledger.transfer(account, state.lender.account, repayable, Reason::LoanRepayment);
    state.lender.outstanding -= sellers.loan_balance[seller];
    if (repayable < sellers.loan_balance[seller]) {
      state.lender.loans_defaulted += 1;
      state.tally.markets[sellers.home[seller]].loan_defaults += 1;
    }
    sellers.loan_balance[seller] = 0;
  }
  // Deposits come back on leaving (fines were paid from cash as they fell
  // due), except to a seller delisted for violations, who forfeits them.
  // The platform it is first listed on pays them back.
  const bool forfeits = why != nullptr && std::string_view(why) == "delisted";
  if (sellers.deposit_held[seller] > 0 && !forfeits) {
    const int platform = std::countr_zero(unsigned(sellers.platforms[seller]));
    if (platform < state.platform_count()) {
      ledger.transfer(state.platforms[platform].account, account, sellers.deposit_held[seller], Reason::Deposit);
    }
  }
  sellers.deposit_held[seller] = 0;
  // The owner takes what is left; debts to suppliers are written off.
  ledger.transfer(account, state.suppliers_account, ledger.balance(account), Reason::Capital);
  for (int platform = 0; platform < state.platform_count(); ++platform) {
    if (sellers.platforms[seller] & (1u << platform)) state.platforms[platform].member_sellers -= 1;
  }
  sellers.set_alive(seller, false);
  sellers.platforms[seller] = 0;
  if (why != nullptr) state.tally.markets[sellers.home[seller]].seller_exits += 1;
  if (why != nullptr && std::string_view(why) == "broke") state.tally.markets[sellers.home[seller]].seller_exits_broke += 1;
}

void update_sellers(EcosystemState& state) {
  const SimulationConfig& config = *state.config;
  const SellerConfig& seller_config = config.sellers;
  SellerTable& sellers = state.sellers;
  Ledger& ledger = state.ledger;
  const auto imitation_interval = std::max<int32_t>(1, int32_t(seller_config.imitation_interval_days));
  const std::vector<double> category_mean =
      state.policy.competition ? category_mean_orders(state) : std::vector<double>{};
  const RandomStream::Key exit_key = RandomStream::key_of(state.seed, Purpose::SellerExit);
  const Rota imitation(uint32_t(imitation_interval), uint32_t(state.day));
  const Rota weekly(7, uint32_t(state.day));
  // Joining anniversaries: (day - entry_day) % 365 == 0, asked as the turn
  // of id -entry_day (a division per seller was a tenth of this pass).
  const Rota anniversary(365, uint32_t(state.day));
  sellers.for_each_living([&](SellerId seller) {
    const double holding = sellers.inventory[seller] * sellers.unit_cost[seller] * seller_config.holding_cost_per_day;
    const double running_cost = seller_config.daily_overhead_usd + holding;
    ledger.transfer(sellers.account[seller], state.suppliers_account, to_money(running_cost), Reason::Overhead);
    sellers.profit_today[seller] -= float(running_cost);
    sellers.orders_30d[seller] = sellers.orders_30d[seller] * kMonthDecay + sellers.sales_today[seller];
    sellers.disputes_30d[seller] *= kMonthDecay;
    sellers.profit_30d[seller] = sellers.profit_30d[seller] * kMonthDecay + sellers.profit_today[seller];
    sellers.loss_days[seller] = sellers.profit_30d[seller] < 0 ? sellers.loss_days[seller] + 1 : 0;

    RandomStream random(exit_key, state.day, seller);
    const int32_t age = state.day - sellers.entry_day[seller];
    if (state.policy.rules && age > 0 && anniversary.due(0u - uint32_t(sellers.entry_day[seller]))) {
      charge_annual_fees(state, seller);
    }
    if (state.policy.competition && weekly.due(seller)) compete_on_price(state, seller, category_mean);
    if (age > 0 && imitation.due(seller)) imitate(state, seller, random);

    const double cash = to_dollars(ledger.balance(sellers.account[seller]));
    const double patience = seller_config.loss_exit_days *
                            (sellers.is_business[seller] ? 1.0 : seller_config.individual_loss_tolerance);
    if (cash < seller_config.cash_floor_usd) {
      retire_seller(state, seller, "broke");
    } else if (sellers.loss_days[seller] > patience && random.bernoulli(0.05)) {
      retire_seller(state, seller, "unprofitable");
    }
  });
}

}  // namespace mercator
