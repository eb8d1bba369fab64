#pragma once
#include <cstdint>

#include "core/parameters.hpp"

namespace mercator {

// Sellers: costs, strategies (price, honesty, logistics), cash, entry and exit.
struct SellerConfig {
  int64_t categories = 8;
  double unit_cost_median_usd = 8.0;
  double unit_cost_spread = 0.5;          // lognormal sigma
  double markup_min = 0.15;
  double markup_max = 0.8;
  double genuine_share = 0.75;            // initial strategies: genuine / poor / counterfeit
  double counterfeit_share = 0.15;
  double poor_cost_factor = 0.7;          // unit cost of poor-quality goods relative to genuine
  double counterfeit_cost_factor = 0.45;
  double individual_share = 0.6;          // grassroots individuals (vs registered businesses)
  double initial_cash_usd = 300.0;
  double daily_overhead_usd = 1.0;        // fixed cost of running a store
  double daily_capacity = 40.0;           // orders a seller agent can ship a day
  double restock_interval_days = 7;       // sellers buy stock for this many days at a time, paid upfront
  double safety_stock_units = 1;          // units kept above the forecast
  double safety_stock_share = 0.5;        // and this share of the period's expected demand
  double holding_cost_per_day = 0.001;    // cost of holding stock, share of its unit cost a day
  double new_seller_daily_forecast = 0.3; // demand a seller without history expects a day
  double entry_rate_per_day = 0.004;      // potential entrants trying per day at reference attractiveness
  double imitation_interval_days = 30;    // how often a seller compares itself with a peer
  double imitation_noise_usd = 20.0;      // K of the Fermi rule, in US$ of 30-day profit
  double mutation_rate = 0.01;
  double loss_exit_days = 180;            // sustained losses this long make a seller leave
  double cash_floor_usd = -50.0;          // below this a seller is broke and exits
  double individual_loss_tolerance = 0.5; // individuals give up sooner (share of loss_exit_days)
};
void visit_parameters(ParameterVisitor& visitor, SellerConfig& config);

}  // namespace mercator
