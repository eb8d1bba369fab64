#pragma once
// Today's counts per market, filled by the phases and read by the metrics
// collector at the end of the day. Reset every morning.
#include <cstdint>
#include <vector>

namespace mercator {

struct MarketTally {
  double sessions = 0;
  double matched_sessions = 0;      // a session that ended in a purchase
  double cross_culture_sessions = 0;
  double cross_culture_matched = 0;
  double orders = 0;
  double cross_border_orders = 0;
  double gmv = 0;                   // US$, goods value
  double gmv_cross_border = 0;
  double counterfeit_orders = 0;
  double poor_orders = 0;
  double settled_orders = 0;
  double happy_orders = 0;
  double disputes = 0;
  double refunds = 0;               // US$
  double refunded_orders = 0;
  double lost_parcels = 0;
  double seized_parcels = 0;
  double delivery_days = 0;         // sum over delivered orders
  double delivered_orders = 0;
  double ratings_good = 0;
  double ratings_medium = 0;
  double ratings_poor = 0;
  double store_score_sum = 0;
  double shipping_paid = 0;
  double duty_paid = 0;
  double cancelled_orders = 0;      // out of stock
  double adoptions = 0;
  double churns = 0;
  double seller_entries = 0;        // by seller home market
  double seller_exits = 0;
  double seller_exits_broke = 0;     // of which: cash below the floor
  double delistings = 0;
  double violations_detected = 0;
  double loans_issued = 0;
  double loan_amount = 0;
  double loan_defaults = 0;
  double creator_sales = 0;
};

struct DailyTally {
  std::vector<MarketTally> markets;
  void reset(size_t market_count) { markets.assign(market_count, MarketTally{}); }
};

}  // namespace mercator
