#pragma once
#include <string>
#include <vector>

#include "core/parameters.hpp"

namespace mercator {

// One platform (AliExpress-, TikTok- or Taobao-like). Several can compete.
struct PlatformConfig {
  std::string name = "platform";
  std::string home_market = "CN";
  std::string launch_date = "";                 // empty: the run's start
  std::vector<std::string> initial_markets = {};  // markets entered at launch besides home
  std::string kind = "marketplace";             // marketplace | content
  double commission_rate = 0.05;
  double annual_fee_usd = 0.0;
  double deposit_usd = 0.0;
  std::string admission = "open";               // open | business_only
  bool brand_required = false;
  double ad_budget_usd_per_day = 40.0;          // user acquisition spend, agent units
  double ops_cost_usd_per_market_day = 5.0;
  double algorithm_quality_initial = 0.5;
  double algorithm_quality_max = 0.95;
  double data_scale_orders = 2.0e5;
  double initial_trust = 0.6;
  double localization_initial = 0.1;
  double localization_per_year = 0.1;
  bool seller_tiers = false;                    // gold / silver traffic allocation
};
void visit_parameters(ParameterVisitor& visitor, PlatformConfig& config);

}  // namespace mercator
