#pragma once
#include "core/parameters.hpp"

namespace mercator {

// Logistics providers: three carriers standing for the modes a seller can use.
struct LogisticsConfig {
  double economy_cost_factor = 1.0;    // postal / economy: cheap, slow, lossy
  double economy_time_factor = 1.4;
  double economy_loss_factor = 1.5;
  double express_cost_factor = 2.5;    // express couriers
  double express_time_factor = 0.6;
  double express_loss_factor = 0.5;
  double dedicated_cost_factor = 1.3;  // dedicated lines under contract
  double dedicated_time_factor = 0.8;
  double dedicated_loss_factor = 0.7;
  double capacity_per_carrier = 5000;  // parcels a day before congestion slows delivery
  double congestion_delay = 0.5;       // extra share of transit time per unit of overload
  double carrier_margin = 0.1;         // share of shipping revenue kept as profit
};
void visit_parameters(ParameterVisitor& visitor, LogisticsConfig& config);

// Customs and regulators, one per market.
struct CustomsConfig {
  double inspection_rate = 0.03;       // share of cross-border parcels inspected
  double seizure_given_counterfeit = 0.8;
};
void visit_parameters(ParameterVisitor& visitor, CustomsConfig& config);

}  // namespace mercator
