#include "metrics/collector.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <bit>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "analysis/advantage_index.hpp"
#include "analysis/health_index.hpp"
#include "market/platform_decisions.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

// What a day's sums hold besides the tallies, the buyer and seller counts,
// the complementors and platform presence, which are always gathered: the
// facts of a pass over every living seller, the concentration of their
// sales, the inputs of the ecosystem indices. A run that records only some
// series (SeriesSelection) gathers only what those read.
using Gathered = uint8_t;
constexpr Gathered kBasic = 0;
constexpr Gathered kSellerFacts = 1;
constexpr Gathered kConcentration = 2;
constexpr Gathered kIndexInputs = 4 | kSellerFacts;  // the indices read the seller facts too

// Everything additive about a market today; ratios are derived from sums so
// the global row is computed exactly like a market's.
struct MarketSums {
  MarketTally tally;
  double buyers = 0, aware = 0, active = 0, churned = 0;
  double sellers_active = 0, sellers_young = 0, sellers_counterfeit = 0, sellers_business = 0;
  double sellers_young_counterfeit = 0;
  double sellers_branded = 0;
  double seller_sales = 0, seller_sales_squares = 0, top_share_sales = 0;
  double creators_active = 0, service_providers = 0;
  double markets_present = 0;  // platform-markets with presence
  double localization = 0, trust = 0, presence_weight = 0;
  double contracted = 0, warehouse = 0, trained = 0, outsourced = 0;
  double credit_score = 0, loans_outstanding = 0, penalty_points = 0, tiered = 0;
  double seller_cash = 0;
  double inventory = 0, daily_sales = 0;
  EcosystemIndexInputs indices;
};

void add_tally(MarketTally& into, const MarketTally& from) {
  constexpr size_t fields = sizeof(MarketTally) / sizeof(double);
  auto* target = reinterpret_cast<double*>(&into);
  const auto* source = reinterpret_cast<const double*>(&from);
  for (size_t i = 0; i < fields; ++i) target[i] += source[i];
}

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : 0.0; }

// Adds to each market's `field` the number of rows of that market that are
// counted. The builder creates creators and providers market by market, so
// a run of rows of one market is counted in a register, not by a chain of
// additions to the same sum in memory (any order still counts correctly).
template <class Counted>
void count_by_market(const std::vector<MarketId>& market, Counted counted,
                     std::vector<MarketSums>& sums, double MarketSums::*field) {
  size_t row = 0;
  while (row < market.size()) {
    const MarketId m = market[row];
    int64_t count = 0;
    for (; row < market.size() && market[row] == m; ++row) count += counted(row);
    sums[m].*field += double(count);
  }
}

// Herfindahl index and top-20% share of seller sales (30-day), per market of
// the seller. `sales` is scratch space kept between days, so the lists are
// not allocated afresh every day.
void concentration(const EcosystemState& state, std::vector<MarketSums>& sums,
                   std::vector<std::vector<float>>& sales) {
  const SellerTable& sellers = state.sellers;
  sales.resize(sums.size());
  for (auto& list : sales) list.clear();
  sellers.for_each_living([&](SellerId s) {
    if (sellers.orders_30d[s] <= 0) return;
    sales[sellers.home[s]].push_back(sellers.orders_30d[s]);
    sales.back().push_back(sellers.orders_30d[s]);
  });
  for (size_t m = 0; m < sums.size(); ++m) {
    auto& list = sales[m];
    const double total = std::accumulate(list.begin(), list.end(), 0.0);
    if (total <= 0) continue;
    double squares = 0;
    for (float value : list) squares += (value / total) * (value / total);
    // The top 20% of sellers by sales: a partial selection, not a full sort.
    const size_t top = std::max<size_t>(1, list.size() / 5);
    std::nth_element(list.begin(), list.begin() + (top - 1), list.end(), std::greater<float>());
    sums[m].seller_sales = total;
    sums[m].seller_sales_squares = squares;
    sums[m].top_share_sales = std::accumulate(list.begin(), list.begin() + top, 0.0) / total;
  }
}

// Sellers' business model for heterogeneity: quality x (individual, business, branded business).
int seller_kind(const SellerTable& sellers, SellerId s) {
  const int form = sellers.is_business[s] ? (sellers.has_brand[s] ? 2 : 1) : 0;
  return int(sellers.quality[s]) * 3 + form;
}

// The ties that embed a seller in the ecosystem (embeddedness_index).
int seller_ties(const SellerTable& sellers, SellerId s) {
  return int(sellers.contracted[s] != 0) +
         int(sellers.logistics_mode[s] == uint8_t(LogisticsMode::Warehouse)) +
         int(sellers.training_level[s] > 0) + int(sellers.outsourced[s] != 0) +
         int(sellers.loan_balance[s] > 0);
}

// The whole-number facts about a market's sellers, counted in integers
// while the sellers are visited and copied into the sums afterwards: the
// same values as adding ones to doubles, without a floating-point addition
// chain per field and seller.
struct SellerCounts {
  int64_t active = 0, young = 0, counterfeit = 0, young_counterfeit = 0, business = 0;
  int64_t branded = 0, contracted = 0, warehouse = 0, trained = 0, outsourced = 0, tiered = 0;
  int64_t ties = 0, profitable = 0;
  std::array<int64_t, kSellerKinds> kinds{};
};

void count_seller(const SellerTable& sellers, SellerId s, bool young, SellerCounts& count) {
  const bool counterfeit = sellers.quality[s] == uint8_t(GoodsQuality::Counterfeit);
  count.active += 1;
  count.young += young;
  count.counterfeit += counterfeit;
  // Cheating among recent entrants: what entry screening (identity checks) acts on.
  count.young_counterfeit += young && counterfeit;
  count.business += sellers.is_business[s];
  count.branded += sellers.has_brand[s];
  count.contracted += sellers.contracted[s];
  count.warehouse += sellers.logistics_mode[s] == uint8_t(LogisticsMode::Warehouse);
  count.trained += sellers.training_level[s] > 0;
  count.outsourced += sellers.outsourced[s];
  count.tiered += sellers.tier[s] > 0;
  count.kinds[seller_kind(sellers, s)] += 1;
  count.ties += seller_ties(sellers, s);
  count.profitable += sellers.profit_30d[s] > 0;
}

void add_counts(const SellerCounts& count, MarketSums& row) {
  row.sellers_active += double(count.active);
  row.sellers_young += double(count.young);
  row.sellers_counterfeit += double(count.counterfeit);
  row.sellers_young_counterfeit += double(count.young_counterfeit);
  row.sellers_business += double(count.business);
  row.sellers_branded += double(count.branded);
  row.contracted += double(count.contracted);
  row.warehouse += double(count.warehouse);
  row.trained += double(count.trained);
  row.outsourced += double(count.outsourced);
  row.tiered += double(count.tiered);
  EcosystemIndexInputs& indices = row.indices;
  indices.sellers_active += double(count.active);
  for (size_t k = 0; k < count.kinds.size(); ++k) indices.seller_kinds[k] += double(count.kinds[k]);
  indices.seller_ties += double(count.ties);
  indices.profitable_sellers += double(count.profitable);
}

bool platform_open(const EcosystemState& state, const PlatformState& owner, MarketId m) {
  return owner.present[m] && !owner.banned[m] && state.day >= owner.launch_day;
}

// Expected share of a consideration-set slot that matches the buyer's need
// (market/shopping.cpp fill_slot): with probability q the algorithm fills it
// from the needed category, else it is drawn from the whole catalogue.
double need_match_share(const EcosystemState& state, int platform, MarketId m) {
  const Catalog& catalog = state.catalog;
  const double listed = double(catalog.all_listings[platform].size());
  const double quality = state.platforms[platform].algorithm_quality;
  const float* demand = &state.demand.category_demand[size_t(m) * catalog.categories];
  double share = 0;
  for (int c = 0; c < catalog.categories; ++c) {
    const double in_category = double(catalog.in_category(platform, c).size());
    if (in_category > 0) share += demand[c] * (quality + (1.0 - quality) * in_category / listed);
  }
  return share;
}

// The platform-side inputs of the indices of market m: technology,
// innovation, interconnectivity (adoption hazards set this morning by
// market/platform_decisions.cpp, word of mouth at the market's active share).
void gather_platform_indices(const EcosystemState& state, MarketId m, double potential,
                             EcosystemIndexInputs& indices) {
  const BuyerConfig& buyers = state.config->buyers;
  const double size =
      std::max(1.0, double(state.buyers.market_end[m] - state.buyers.market_first[m]));
  for (int p = 0; p < state.platform_count(); ++p) {
    const PlatformState& owner = state.platforms[p];
    if (!platform_open(state, owner, m)) continue;
    const double active = owner.active_by_market[m];
    if (!state.catalog.all_listings[p].empty()) {
      const double match = need_match_share(state, p, m);
      indices.need_match_weighted += active * match;
      indices.need_match_weight += active;
      indices.need_match_plain += match;
      indices.need_match_platforms += 1;
    }
    indices.channels_in_use_weighted +=
        active * std::popcount(owner.channels) * owner.channel_uptake;
    indices.channel_weight += active;
    const double candidates = std::max(0.0, potential - active);
    const double word_of_mouth =
        buyers.word_of_mouth_per_day *
        std::min(1.0, active / size / std::max(1e-9, buyers.market_potential_share));
    indices.cross_side_hazard += candidates * owner.cross_side_hazard[m];
    indices.adoption_hazard += candidates * (double(owner.adoption_reach[m]) +
                                             double(owner.network_hazard[m]) + word_of_mouth);
  }
}

// Complementor kinds and partners connected to market m (aggregation_index).
struct Connections {
  bool listed = false, creators = false, providers = false, warehouse = false, partner = false;
};

Connections market_connections(const EcosystemState& state, MarketId m, const MarketSums& row) {
  Connections links;
  links.creators = row.creators_active > 0;
  links.providers = row.service_providers > 0;
  for (int p = 0; p < state.platform_count(); ++p) {
    const PlatformState& owner = state.platforms[p];
    if (!platform_open(state, owner, m)) continue;
    links.listed |= !state.catalog.all_listings[p].empty();
    links.warehouse |= owner.has_warehouse[m] != 0;
    links.partner |= owner.has_partner[m] != 0;
  }
  return links;
}

// The lender and the carriers serve every market: connected when any loan is
// outstanding, when any seller holds a carrier contract.
double connected_kinds(const Connections& links, const MarketSums& all) {
  return double(links.listed) + links.creators + links.providers + links.warehouse +
         (all.loans_outstanding > 0) + (all.contracted > 0) + links.partner;
}

void gather_indices(const EcosystemState& state, const std::vector<double>& potential,
                    std::vector<MarketSums>& sums) {
  const size_t markets = state.market_count();
  Connections anywhere;
  for (MarketId m = 0; m < markets; ++m) {
    EcosystemIndexInputs& indices = sums[m].indices;
    const MarketTally& tally = sums[m].tally;
    indices.active_buyers = sums[m].active;
    indices.potential_buyers = potential[m];
    indices.sessions = tally.sessions;
    indices.matched_sessions = tally.matched_sessions;
    indices.delivered_orders = tally.delivered_orders;
    indices.happy_orders = tally.happy_orders;
    indices.settled_orders = tally.settled_orders;
    indices.gmv = tally.gmv;
    gather_platform_indices(state, m, potential[m], indices);
    sums[markets].indices.add(indices);
    const Connections links = market_connections(state, m, sums[m]);
    anywhere.listed |= links.listed;
    anywhere.creators |= links.creators;
    anywhere.providers |= links.providers;
    anywhere.warehouse |= links.warehouse;
    anywhere.partner |= links.partner;
    indices.connected_kinds = connected_kinds(links, sums[markets]);
  }
  sums[markets].indices.connected_kinds = connected_kinds(anywhere, sums[markets]);
}

// The pass over every living seller behind the seller-side series.
void gather_seller_facts(const EcosystemState& state, std::vector<MarketSums>& sums,
                         std::vector<SellerCounts>& counts) {
  const SellerTable& sellers = state.sellers;
  sellers.for_each_living([&](SellerId s) {
    MarketSums& row = sums[sellers.home[s]];
    const bool young = state.day - sellers.entry_day[s] < 365;
    count_seller(sellers, s, young, counts[sellers.home[s]]);
    row.credit_score += sellers.credit_score[s];
    // Most sellers owe nothing; adding 0.0 would leave the sum as it is.
    if (sellers.loan_balance[s] != 0) row.loans_outstanding += to_dollars(sellers.loan_balance[s]);
    row.penalty_points += sellers.penalty_points[s];
    row.seller_cash += to_dollars(state.ledger.balance(sellers.account[s]));
    row.inventory += sellers.inventory[s];
    row.daily_sales += sellers.orders_30d[s] / 30.0;
    row.indices.seller_sales += sellers.orders_30d[s];
    if (young) row.indices.young_seller_sales += sellers.orders_30d[s];
  });
}

std::vector<MarketSums> gather(const EcosystemState& state, const std::vector<double>& potential,
                               Gathered gathered, std::vector<std::vector<float>>& sales_scratch) {
  const size_t markets = state.market_count();
  std::vector<MarketSums> sums(markets + 1);
  for (size_t m = 0; m < markets; ++m) sums[m].tally = state.tally.markets[m];
  const BuyerTable& buyers = state.buyers;
  for (MarketId m = 0; m < markets; ++m) {
    MarketSums& row = sums[m];
    row.buyers = buyers.market_end[m] - buyers.market_first[m];
    row.aware = state.buyer_counts[m].aware;
    row.active = state.buyer_counts[m].active;
    row.churned = state.buyer_counts[m].churned;
  }
  std::vector<SellerCounts> counts(markets);
  if (gathered & kSellerFacts) {
    gather_seller_facts(state, sums, counts);
  } else {
    const SellerTable& sellers = state.sellers;
    sellers.for_each_living([&](SellerId s) { counts[sellers.home[s]].active += 1; });
  }
  for (size_t m = 0; m < markets; ++m) add_counts(counts[m], sums[m]);
  count_by_market(state.creators.market, [&](size_t c) { return state.creators.platform[c] != 255; },
                  sums, &MarketSums::creators_active);
  count_by_market(state.service_providers.market,
                  [&](size_t p) { return state.service_providers.alive[p] != 0; }, sums,
                  &MarketSums::service_providers);
  for (const PlatformState& owner : state.platforms) {
    for (MarketId m = 0; m < markets; ++m) {
      if (!owner.present[m]) continue;
      sums[m].markets_present += 1;
      sums[m].localization += owner.localization[m];
      sums[m].trust += owner.trust[m];
      sums[m].presence_weight += 1;
    }
  }
  if (gathered & kConcentration) concentration(state, sums, sales_scratch);
  MarketSums& all = sums[markets];
  for (size_t m = 0; m < markets; ++m) {
    const MarketSums& row = sums[m];
    add_tally(all.tally, row.tally);
    all.buyers += row.buyers; all.aware += row.aware; all.active += row.active; all.churned += row.churned;
    all.sellers_active += row.sellers_active; all.sellers_young += row.sellers_young;
    all.sellers_counterfeit += row.sellers_counterfeit; all.sellers_business += row.sellers_business;
    all.sellers_young_counterfeit += row.sellers_young_counterfeit;
    all.sellers_branded += row.sellers_branded;
    all.creators_active += row.creators_active; all.service_providers += row.service_providers;
    all.markets_present += row.markets_present > 0;
    all.localization += row.localization; all.trust += row.trust; all.presence_weight += row.presence_weight;
    all.contracted += row.contracted; all.warehouse += row.warehouse; all.trained += row.trained;
    all.outsourced += row.outsourced; all.credit_score += row.credit_score;
    all.loans_outstanding += row.loans_outstanding; all.penalty_points += row.penalty_points;
    all.tiered += row.tiered; all.seller_cash += row.seller_cash;
    all.inventory += row.inventory; all.daily_sales += row.daily_sales;
  }
  // The ALL row's market-side sums are complete only now (loans, contracts).
  if ((gathered & kIndexInputs) == kIndexInputs) gather_indices(state, potential, sums);
  return sums;
}

struct Series {
  const char* name;
  Gathered needs;
  double (*value)(const MarketSums&, const EcosystemState&);
};

double buyer_scale(const EcosystemState& s) { return s.buyers_per_agent; }
double seller_scale(const EcosystemState& s) { return s.config->population.sellers_per_agent; }

// One entry per column of metrics.csv.
const Series kSeries[] = {
    {"buyers_aware", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.aware * buyer_scale(s); }},
    {"buyers_active", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.active * buyer_scale(s); }},
    {"buyers_churned", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.churned * buyer_scale(s); }},
    {"penetration", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.active, r.buyers); }},
    {"adoptions", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.adoptions * buyer_scale(s); }},
    {"churns", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.churns * buyer_scale(s); }},
    {"sellers_active", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.sellers_active * seller_scale(s); }},
    {"sellers_entered", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.seller_entries * seller_scale(s); }},
    {"sellers_exited", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.seller_exits * seller_scale(s); }},
    {"sellers_exited_broke", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.seller_exits_broke * seller_scale(s); }},
    {"young_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.sellers_young, r.sellers_active); }},
    {"counterfeit_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.sellers_counterfeit, r.sellers_active); }},
    {"business_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.sellers_business, r.sellers_active); }},
    {"brand_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.sellers_branded, r.sellers_active); }},
    {"young_counterfeit_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.sellers_young_counterfeit, r.sellers_young); }},
    {"creators_active", kBasic, [](const MarketSums& r, const EcosystemState&) { return r.creators_active; }},
    {"service_providers", kBasic, [](const MarketSums& r, const EcosystemState&) { return r.service_providers; }},
    {"sessions", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.sessions * buyer_scale(s); }},
    {"match_rate", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.matched_sessions, r.tally.sessions); }},
    {"cross_culture_match_rate", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.cross_culture_matched, r.tally.cross_culture_sessions); }},
    {"orders", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.orders * buyer_scale(s); }},
    {"orders_cross_border", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.cross_border_orders * buyer_scale(s); }},
    {"gmv_usd", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.gmv * buyer_scale(s); }},
    {"gmv_domestic_usd", kBasic, [](const MarketSums& r, const EcosystemState& s) { return (r.tally.gmv - r.tally.gmv_cross_border) * buyer_scale(s); }},
    {"gmv_cross_border_usd", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.gmv_cross_border * buyer_scale(s); }},
    {"mean_price_usd", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.gmv, r.tally.orders); }},
    {"counterfeit_share", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.counterfeit_orders, r.tally.orders); }},
    {"poor_quality_share", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.poor_orders, r.tally.orders); }},
    {"cancelled_orders", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.cancelled_orders * buyer_scale(s); }},
    {"settled_orders", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.settled_orders * buyer_scale(s); }},
    {"satisfaction_rate", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.happy_orders, r.tally.delivered_orders); }},
    {"dispute_rate", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.disputes, r.tally.settled_orders); }},
    {"refund_rate", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.refunded_orders, r.tally.settled_orders); }},
    {"refunds_usd", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.refunds * buyer_scale(s); }},
    {"good_rating_share", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.ratings_good, r.tally.ratings_good + r.tally.ratings_medium + r.tally.ratings_poor); }},
    {"store_score", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.store_score_sum, r.tally.delivered_orders); }},
    {"delivery_days", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tally.delivery_days, r.tally.delivered_orders); }},
    {"lost_parcels", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.lost_parcels * buyer_scale(s); }},
    {"seized_parcels", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.seized_parcels * buyer_scale(s); }},
    {"shipping_usd", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.shipping_paid * buyer_scale(s); }},
    {"duty_usd", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.duty_paid * buyer_scale(s); }},
    {"seller_hhi", kConcentration, [](const MarketSums& r, const EcosystemState&) { return r.seller_sales_squares; }},
    {"top20_sales_share", kConcentration, [](const MarketSums& r, const EcosystemState&) { return r.top_share_sales; }},
    {"violations_detected", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.violations_detected * seller_scale(s); }},
    {"delistings", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.delistings * seller_scale(s); }},
    {"mean_penalty_points", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.penalty_points, r.sellers_active); }},
    {"loans_issued", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.loans_issued * seller_scale(s); }},
    {"loan_amount_usd", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.loan_amount * seller_scale(s); }},
    {"loan_defaults", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.loan_defaults * seller_scale(s); }},
    {"loans_outstanding_usd", kSellerFacts, [](const MarketSums& r, const EcosystemState& s) { return r.loans_outstanding * seller_scale(s); }},
    {"mean_credit_score", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.credit_score, r.sellers_active); }},
    {"contracted_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.contracted, r.sellers_active); }},
    {"warehouse_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.warehouse, r.sellers_active); }},
    {"trained_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.trained, r.sellers_active); }},
    {"outsourcing_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.outsourced, r.sellers_active); }},
    {"tiered_seller_share", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.tiered, r.sellers_active); }},
    {"stock_cover_days", kSellerFacts, [](const MarketSums& r, const EcosystemState&) { return ratio(r.inventory, r.daily_sales); }},
    {"seller_cash_usd", kSellerFacts, [](const MarketSums& r, const EcosystemState& s) { return r.seller_cash * seller_scale(s); }},
    {"creator_sales", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.tally.creator_sales * buyer_scale(s); }},
    {"platform_presence", kBasic, [](const MarketSums& r, const EcosystemState&) { return r.markets_present; }},
    {"localization", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.localization, r.presence_weight); }},
    {"trust", kBasic, [](const MarketSums& r, const EcosystemState&) { return ratio(r.trust, r.presence_weight); }},
    {"jobs", kBasic, [](const MarketSums& r, const EcosystemState& s) { return r.sellers_active * seller_scale(s) * s.config->population.jobs_per_store; }},
};

// Platform-wide series, identical in every row of a day, in column order.
// Only the count of complementor kinds reads the seller facts.
struct PlatformSeries {
  const char* name;
  Gathered needs;
};

const PlatformSeries kPlatformSeries[] = {
    {"algorithm_quality", kBasic},     {"platform_revenue_usd", kBasic},
    {"platform_profit_usd", kBasic},   {"escrow_held_usd", kBasic},
    {"monetization_channels", kBasic}, {"complementor_types", kSellerFacts},
    {"international_stage", kBasic},   {"ledger_balanced", kBasic},
};

// The ecosystem indices, the last columns; robustness_index (no formula
// here) is filled after the run from the orders series.
struct IndexSeries {
  const char* name;
  double (*value)(const EcosystemIndexInputs&);
};

const IndexSeries kIndexSeries[] = {
    {"technology_index", technology_index},
    {"relationship_index", relationship_index},
    {"innovation_index", innovation_index},
    {"connectivity_index", connectivity_index},
    {"interconnectivity_index", interconnectivity_index},
    {"aggregation_index", aggregation_index},
    {"productivity_index", productivity_index},
    {"robustness_index", nullptr},
    {"niche_creation_index", niche_creation_index},
    {"heterogeneity_index", heterogeneity_index},
    {"embeddedness_index", embeddedness_index},
    {"reciprocity_index", reciprocity_index},
};

constexpr size_t kMarketSeriesCount = std::size(kSeries);
constexpr size_t kPlatformSeriesCount = std::size(kPlatformSeries);

Gathered needs_of(size_t column) {
  if (column < kMarketSeriesCount) return kSeries[column].needs;
  column -= kMarketSeriesCount;
  if (column < kPlatformSeriesCount) return kPlatformSeries[column].needs;
  return kIndexSeries[column - kPlatformSeriesCount].value ? kIndexInputs : kBasic;
}

}  // namespace

const std::vector<std::string>& series_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const Series& series : kSeries) list.emplace_back(series.name);
    for (const PlatformSeries& series : kPlatformSeries) list.emplace_back(series.name);
    for (const IndexSeries& index : kIndexSeries) list.emplace_back(index.name);
    return list;
  }();
  return names;
}

MetricsCollector::MetricsCollector(const EcosystemState& state, const std::vector<std::string>& recorded)
    : potential_buyers_(state.market_count(), 0.0) {
  for (MarketId m = 0; m < state.market_count(); ++m) {
    potential_buyers_[m] = double(state.buyers.potential_buyers[m].size());
  }
  const std::vector<std::string>& catalogue = series_names();
  for (const std::string& name : recorded) {
    const auto found = std::find(catalogue.begin(), catalogue.end(), name);
    if (found == catalogue.end()) throw std::logic_error("metrics: no series " + name);
    const auto column = static_cast<size_t>(found - catalogue.begin());
    columns_.push_back(column);
    gathered_ |= needs_of(column);
  }
}

void MetricsCollector::collect(const EcosystemState& state, bool books_balanced, MetricsTable& table) {
  const std::vector<MarketSums> sums = gather(state, potential_buyers_, gathered_, sales_scratch_);
  // Platform-wide figures (all platforms together; the first platform's stage).
  double quality = 0, channels = 0;
  Money platform_cash = 0, escrow = 0;
  for (const PlatformState& owner : state.platforms) {
    quality += owner.algorithm_quality / state.platforms.size();
    channels = std::max<double>(channels, std::popcount(owner.channels));
    platform_cash += state.ledger.balance(owner.account);
    escrow += state.ledger.balance(owner.escrow_account);
  }
  const Ledger& ledger = state.ledger;
  const double revenue = to_dollars(ledger.flow(Reason::Commission) + ledger.flow(Reason::PlatformFee) +
                                    ledger.flow(Reason::Penalty) + ledger.flow(Reason::Advertising)) *
                         state.buyers_per_agent;
  double complementors = 1;  // sellers
  complementors += sums.back().creators_active > 0;
  complementors += sums.back().service_providers > 0;
  complementors += sums.back().warehouse > 0;
  complementors += state.lender.loans_issued > 0;
  complementors += sums.back().contracted > 0;
  const double platform_wide[] = {quality,
                                  revenue,
                                  to_dollars(platform_cash) * state.buyers_per_agent,
                                  to_dollars(escrow) * state.buyers_per_agent,
                                  channels,
                                  complementors,
                                  state.platforms.empty() ? 0.0 : double(state.platforms[0].stage),
                                  books_balanced ? 1.0 : 0.0};
  static_assert(std::size(platform_wide) == kPlatformSeriesCount);
  // The whole run's rows at once, not by repeated doubling of a table that
  // reaches tens of megabytes.
  if (table.row_day.empty()) {
    const size_t rows = size_t(state.total_days) * sums.size();
    table.row_day.reserve(rows);
    table.row_market.reserve(rows);
    table.values.reserve(rows * columns_.size());
    table.day_dates.reserve(size_t(state.total_days));
  }
  for (size_t m = 0; m < sums.size(); ++m) {
    table.row_day.push_back(state.day);
    table.row_market.push_back(static_cast<uint16_t>(m));
    for (size_t column : columns_) {
      if (column < kMarketSeriesCount) {
        table.values.push_back(kSeries[column].value(sums[m], state));
        continue;
      }
      column -= kMarketSeriesCount;
      if (column < kPlatformSeriesCount) {
        table.values.push_back(platform_wide[column]);
        continue;
      }
      const IndexSeries& index = kIndexSeries[column - kPlatformSeriesCount];
      table.values.push_back(index.value ? index.value(sums[m].indices) : 0.0);
    }
  }
  table.day_dates.push_back(state.today.iso());
}

}  // namespace mercator
