#include "market/ecosystem_builder.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include "core/random_stream.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

std::string resolve_table_path(const SimulationConfig& config) {
  namespace fs = std::filesystem;
  const fs::path table = config.world.table_path;
  if (table.is_absolute()) return table.string();
  for (const fs::path& base : {fs::path(config.base_directory), fs::current_path(),
                               fs::path(MERCATOR_SOURCE_DIR)}) {
    if (fs::exists(base / table)) return (base / table).string();
  }
  return table.string();
}

// Splits `total` into integer parts proportional to weights, each at least
// `minimum` (largest-remainder rounding, so the split is exact and stable).
std::vector<int64_t> apportion(int64_t total, const std::vector<double>& weights, int64_t minimum) {
  const size_t count = weights.size();
  std::vector<int64_t> parts(count, minimum);
  const int64_t rest = std::max<int64_t>(0, total - minimum * int64_t(count));
  const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<double> remainders(count);
  int64_t given = 0;
  for (size_t i = 0; i < count; ++i) {
    const double exact = rest * weights[i] / weight_sum;
    parts[i] += static_cast<int64_t>(std::floor(exact));
    given += static_cast<int64_t>(std::floor(exact));
    remainders[i] = exact - std::floor(exact);
  }
  std::vector<size_t> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t k = 0; given < rest; ++k, ++given) ++parts[order[k % count]];
  return parts;
}

double internet_users(const Market& market) {
  return market.country.population * market.internet_share;
}

void build_buyers(EcosystemState& state, const SimulationConfig& config) {
  const World& world = *state.world;
  std::vector<double> weights;
  double online_people = 0;
  for (MarketId m = 0; m < world.market_count(); ++m) {
    weights.push_back(internet_users(world.market(m)));
    online_people += internet_users(world.market(m));
  }
  const auto counts = apportion(config.population.buyer_agents, weights,
                                config.population.min_buyers_per_market);
  BuyerTable& buyers = state.buyers;
  buyers.platform_count = static_cast<int>(config.platforms.size());
  buyers.ties_per_buyer = static_cast<int>(config.buyers.ties_per_buyer);
  const int64_t total = std::accumulate(counts.begin(), counts.end(), int64_t{0});
  state.buyers_per_agent = online_people / double(total);
  buyers.market.reserve(total);
  for (MarketId m = 0; m < world.market_count(); ++m) {
    buyers.market_first.push_back(static_cast<BuyerId>(buyers.market.size()));
    buyers.market.insert(buyers.market.end(), counts[m], m);
    buyers.market_end.push_back(static_cast<BuyerId>(buyers.market.size()));
  }
  buyers.adoption.assign(size_t(total) * buyers.platform_count, 0);
  buyers.reset_counts(world.market_count());
  buyers.price_sensitivity.resize(total);
  buyers.in_potential.resize(total);
  buyers.ties.resize(size_t(total) * buyers.ties_per_buyer);
  const double spread = config.buyers.price_sensitivity_spread;
  for (BuyerId b = 0; b < total; ++b) {
    RandomStream random(state.seed, Purpose::SocialGraph, 0, b);
    // Mean-one lognormal, so the market's price weight is the average buyer's.
    buyers.price_sensitivity[b] = static_cast<float>(random.lognormal(-0.5 * spread * spread, spread));
    buyers.in_potential[b] = random.bernoulli(config.buyers.market_potential_share);
    const MarketId m = buyers.market[b];
    const BuyerId first = buyers.market_first[m];
    const uint32_t size = buyers.market_end[m] - first;
    for (int k = 0; k < buyers.ties_per_buyer; ++k) {
      BuyerId tie = first + random.below(size);
      if (tie == b) tie = first + (tie - first + 1) % size;
      buyers.ties[size_t(b) * buyers.ties_per_buyer + k] = tie;
    }
  }
  buyers.potential_buyers.assign(world.market_count(), {});
  for (BuyerId b = 0; b < total; ++b) {
    if (buyers.in_potential[b]) buyers.potential_buyers[buyers.market[b]].push_back(b);
  }
}

void build_platforms(EcosystemState& state, const SimulationConfig& config) {
  const World& world = *state.world;
  const size_t markets = world.market_count();
  for (const PlatformConfig& platform_config : config.platforms) {
    PlatformState platform;
    platform.name = platform_config.name;
    platform.home = static_cast<MarketId>(std::max(0, world.find(platform_config.home_market)));
    platform.is_content = platform_config.kind == "content";
    if (!platform_config.launch_date.empty()) {
      platform.launch_day = state.calendar.step_of(*Date::parse(platform_config.launch_date));
    }
    platform.account = state.ledger.open(AccountKind::Platform);
    platform.escrow_account = state.ledger.open(AccountKind::Escrow);
    platform.present.assign(markets, 0);
    platform.banned.assign(markets, 0);
    platform.has_partner.assign(markets, 0);
    platform.has_warehouse.assign(markets, 0);
    platform.entry_day.assign(markets, -1);
    platform.localization.assign(markets, float(platform_config.localization_initial));
    platform.trust.assign(markets, float(platform_config.initial_trust));
    platform.ad_spend_factor.assign(markets, 1.0f);
    platform.adoption_reach.assign(markets, 0.0f);
    platform.network_hazard.assign(markets, 0.0f);
    platform.cross_side_hazard.assign(markets, 0.0f);
    platform.churn_hazard.assign(markets, 0.0f);
    platform.satisfaction.assign(markets, float(platform_config.initial_trust));
    platform.dispute_rate.assign(markets, 0.0f);
    platform.active_by_market.assign(markets, 0);
    platform.creators_by_market.assign(markets, 0.0f);
    // The home market is localized by definition.
    platform.localization[platform.home] = 1.0f;
    platform.algorithm_quality = platform_config.algorithm_quality_initial;
    platform.detection_at_listing = config.mechanisms.rules.detection_at_listing;
    platform.detection_per_sale = config.mechanisms.rules.detection_per_sale;
    state.platforms.push_back(std::move(platform));
  }
}

void build_providers(EcosystemState& state, const SimulationConfig& config) {
  const World& world = *state.world;
  const LogisticsConfig& logistics = config.logistics;
  const float costs[kLogisticsModes] = {float(logistics.economy_cost_factor),
                                        float(logistics.express_cost_factor),
                                        float(logistics.dedicated_cost_factor), 1.0f};
  const float times[kLogisticsModes] = {float(logistics.economy_time_factor),
                                        float(logistics.express_time_factor),
                                        float(logistics.dedicated_time_factor), 1.0f};
  const float losses[kLogisticsModes] = {float(logistics.economy_loss_factor),
                                         float(logistics.express_loss_factor),
                                         float(logistics.dedicated_loss_factor), 1.0f};
  for (int mode = 0; mode < kLogisticsModes; ++mode) {
    state.carriers.account.push_back(state.ledger.open(AccountKind::Carrier));
    state.carriers.cost_factor.push_back(costs[mode]);
    state.carriers.time_factor.push_back(times[mode]);
    state.carriers.loss_factor.push_back(losses[mode]);
    state.carriers.load_today.push_back(0);
    state.carriers.congestion.push_back(1);
    state.carriers.retained.push_back(0);
  }
  state.lender.account = state.ledger.open(AccountKind::Lender);
  std::vector<AccountId> creator_accounts, service_accounts;
  for (MarketId m = 0; m < world.market_count(); ++m) {
    state.household_accounts.push_back(state.ledger.open(AccountKind::Households));
    state.regulators.account.push_back(state.ledger.open(AccountKind::Customs));
    state.regulators.inspection_rate.push_back(
        float(config.customs.inspection_rate * (0.5 + world.market(m).enforcement_strength)));
    creator_accounts.push_back(state.ledger.open(AccountKind::Creator));
    service_accounts.push_back(state.ledger.open(AccountKind::ServiceProvider));
  }
  state.creator_accounts = creator_accounts;
  state.service_accounts = service_accounts;
  std::vector<double> online;
  std::vector<double> economy;
  for (MarketId m = 0; m < world.market_count(); ++m) {
    online.push_back(internet_users(world.market(m)));
    economy.push_back(internet_users(world.market(m)) * world.market(m).income_index);
  }
  const auto creators = apportion(config.population.creator_agents, online, 0);
  const auto providers = apportion(config.population.service_provider_agents, online, 0);
  const auto advertisers = apportion(config.population.advertiser_agents, economy, 0);
  uint64_t row = 0;
  for (MarketId m = 0; m < world.market_count(); ++m) {
    for (int64_t k = 0; k < creators[m]; ++k, ++row) {
      RandomStream random(state.seed, Purpose::AgentSetup, 1, row);
      state.creators.market.push_back(m);
      state.creators.platform.push_back(255);
      state.creators.content_quality.push_back(float(random.uniform()));
      state.creators.followers.push_back(0);
      state.creators.market_account.push_back(creator_accounts[m]);
    }
    for (int64_t k = 0; k < providers[m]; ++k) {
      state.service_providers.market.push_back(m);
      state.service_providers.alive.push_back(k < providers[m] / 10 ? 1 : 0);
      state.service_providers.clients.push_back(0);
      state.service_providers.market_account.push_back(service_accounts[m]);
    }
    for (int64_t k = 0; k < advertisers[m]; ++k) {
      state.advertisers.market.push_back(m);
      state.advertisers.budget_per_day.push_back(float(0.5 * world.market(m).income_index));
    }
  }
}

void build_demand(EcosystemState& state, const SimulationConfig& config) {
  const size_t markets = state.world->market_count();
  const size_t categories = static_cast<size_t>(config.sellers.categories);
  state.demand.session_multiplier.assign(markets, 1.0f);
  state.demand.transit_multiplier.assign(markets, 1.0f);
  state.demand.category_demand.assign(markets * categories, 0.0f);
  for (size_t m = 0; m < markets; ++m) {
    RandomStream random(state.seed, Purpose::WorldSetup, 0, m);
    double total = 0;
    for (size_t c = 0; c < categories; ++c) {
      const double weight = 0.5 + random.uniform();
      state.demand.category_demand[m * categories + c] = float(weight);
      total += weight;
    }
    for (size_t c = 0; c < categories; ++c) state.demand.category_demand[m * categories + c] /= float(total);
  }
}

MarketId draw_seller_home(const EcosystemState& state, RandomStream& random) {
  const SimulationConfig& config = *state.config;
  const int hub = state.world->find(config.population.seller_hub_market);
  if (hub >= 0 && random.bernoulli(config.population.seller_hub_share)) return MarketId(hub);
  // Elsewhere in proportion to the online economy.
  double total = 0;
  for (MarketId m = 0; m < state.world->market_count(); ++m) {
    const Market& market = state.world->market(m);
    total += internet_users(market) * std::sqrt(market.income_index);
  }
  double pick = random.uniform() * total;
  for (MarketId m = 0; m < state.world->market_count(); ++m) {
    const Market& market = state.world->market(m);
    pick -= internet_users(market) * std::sqrt(market.income_index);
    if (pick <= 0) return m;
  }
  return MarketId(state.world->market_count() - 1);
}

}  // namespace

SellerId place_seller(EcosystemState& state, SellerId row, int platform, RandomStream& random) {
  const SimulationConfig& config = *state.config;
  const SellerConfig& seller_config = config.sellers;
  SellerTable& sellers = state.sellers;
  sellers.home[row] = draw_seller_home(state, random);
  sellers.category[row] = static_cast<uint8_t>(random.below(uint32_t(seller_config.categories)));
  const double strategy = random.uniform();
  double counterfeit_share = seller_config.counterfeit_share;
  if (state.policy.rules && config.mechanisms.rules.identity_checks) {
    counterfeit_share *= 1.0 - config.mechanisms.rules.identity_check_deterrence;
  }
  const double poor_share = 1.0 - seller_config.genuine_share - seller_config.counterfeit_share;
  sellers.quality[row] = strategy < counterfeit_share ? uint8_t(GoodsQuality::Counterfeit)
                         : strategy < counterfeit_share + poor_share ? uint8_t(GoodsQuality::Poor)
                                                                     : uint8_t(GoodsQuality::Genuine);
  sellers.is_business[row] = random.bernoulli(1.0 - seller_config.individual_share);
  sellers.has_brand[row] = sellers.is_business[row] && random.bernoulli(0.3);
  sellers.logistics_mode[row] = random.bernoulli(0.8) ? uint8_t(LogisticsMode::Economy)
                                                      : uint8_t(LogisticsMode::Express);
  sellers.set_alive(row, true);
  sellers.platforms[row] = static_cast<uint8_t>(1u << platform);
  sellers.tier[row] = 0;
  sellers.training_level[row] = 0;
  sellers.contracted[row] = 0;
  sellers.outsourced[row] = 0;
  sellers.fakes_reviews[row] = 0;
  sellers.channels[row] = 0;
  sellers.subsidized[row] = 0;
  const double genuine_cost =
      random.lognormal(std::log(seller_config.unit_cost_median_usd), seller_config.unit_cost_spread);
  const double cost_factor = sellers.quality[row] == uint8_t(GoodsQuality::Counterfeit)
                                 ? seller_config.counterfeit_cost_factor
                             : sellers.quality[row] == uint8_t(GoodsQuality::Poor)
                                 ? seller_config.poor_cost_factor
                                 : 1.0;
  sellers.unit_cost[row] = float(genuine_cost * cost_factor);
  sellers.markup[row] = float(seller_config.markup_min +
                              random.uniform() * (seller_config.markup_max - seller_config.markup_min));
  sellers.inventory[row] = 0;
  sellers.stockouts_week[row] = 0;
  sellers.rating_good[row] = sellers.rating_medium[row] = sellers.rating_poor[row] = 0;
  sellers.displayed_rating[row] = 0.8f;
  sellers.store_described[row] = sellers.store_service[row] = 4.5f;
  sellers.store_dispatch[row] = sellers.store_delivery[row] = 4.5f;
  sellers.orders_30d[row] = sellers.disputes_30d[row] = sellers.profit_30d[row] = 0;
  sellers.penalty_points[row] = 0;
  sellers.entry_day[row] = state.day;
  sellers.loss_days[row] = 0;
  sellers.sales_today[row] = 0;
  sellers.profit_today[row] = 0;
  sellers.loan_balance[row] = 0;
  sellers.deposit_held[row] = 0;
  sellers.loan_due_day[row] = 0;
  sellers.credit_score[row] = 0;
  // The row's account, started again from zero: what a previous occupant
  // left in it (settlements that arrived after it left) stays with it as a
  // closed balance (Ledger::reopen). Orders find their seller's account by
  // row when they settle, so later ones reach the newcomer, as they would a
  // fresh account.
  sellers.account[row] = sellers.account[row] == kNoAccount
                             ? state.ledger.open(AccountKind::Seller)
                             : state.ledger.reopen(sellers.account[row]);
  state.ledger.transfer(state.suppliers_account, sellers.account[row],
                        to_money(seller_config.initial_cash_usd), Reason::Capital);
  return row;
}

void build_ecosystem(EcosystemState& state, const SimulationConfig& config) {
  state.config = &config;
  state.seed = static_cast<uint64_t>(config.run.seed);
  const Date start = *Date::parse(config.run.start_date);
  const Date end = *Date::parse(config.run.end_date);
  state.calendar = Calendar(start);
  state.total_days = end.days_since_epoch - start.days_since_epoch + 1;
  state.today = start;

  const auto table = read_world_table(resolve_table_path(config));
  state.world = std::make_unique<World>(build_world(table, config.world));
  state.suppliers_account = state.ledger.open(AccountKind::Suppliers);
  build_buyers(state, config);
  build_platforms(state, config);
  build_providers(state, config);
  build_demand(state, config);
  state.tally.reset(state.world->market_count());

  const auto pool_size = static_cast<size_t>(config.population.seller_agents);
  state.sellers.resize(pool_size);
  const auto initial = static_cast<size_t>(
      std::llround(double(pool_size) * config.population.initial_active_seller_share));
  // Initial sellers are dealt to the platforms open on the first day.
  std::vector<int> open_platforms;
  for (int p = 0; p < state.platform_count(); ++p) {
    if (state.platforms[p].launch_day <= 0) open_platforms.push_back(p);
  }
  if (open_platforms.empty()) open_platforms.push_back(0);
  for (size_t row = 0; row < initial; ++row) {
    RandomStream random(state.seed, Purpose::AgentSetup, 0, row);
    const int platform = open_platforms[row % open_platforms.size()];
    place_seller(state, static_cast<SellerId>(row), platform, random);
    state.platforms[platform].member_sellers += 1;
  }
}

}  // namespace mercator
