#include "agents/logistics_config.hpp"

namespace mercator {
namespace {

// The three carriers scale a lane's cost, transit time and loss chance. Their
// ordering (economy cheapest and slowest, express dearest and fastest,
// dedicated lines between) is what the cases describe; the sizes are not.
constexpr std::string_view kModeSource =
    "assumption: FACTS.md A names postal, express and dedicated lines but gives no figures";

void visit_economy(ParameterVisitor& visitor, LogisticsConfig& config) {
  visitor.real({.key = "economy_cost_factor",
                .unit = "ratio",
                .meaning = "Postal / economy carrier: price relative to the lane's base cost",
                .source = "assumption: world lane costs are already postal small-parcel prices",
                .min = 0,
                .max = 100},
               config.economy_cost_factor);
  visitor.real({.key = "economy_time_factor",
                .unit = "ratio",
                .meaning = "Postal / economy carrier: transit time relative to the lane's median",
                .source = kModeSource,
                .min = 0.05,
                .max = 20},
               config.economy_time_factor);
  visitor.real({.key = "economy_loss_factor",
                .unit = "ratio",
                .meaning = "Postal / economy carrier: loss chance relative to the lane's",
                .source = kModeSource,
                .min = 0,
                .max = 20},
               config.economy_loss_factor);
}

void visit_express(ParameterVisitor& visitor, LogisticsConfig& config) {
  visitor.real({.key = "express_cost_factor",
                .unit = "ratio",
                .meaning = "Express courier: price relative to the lane's base cost",
                .source = kModeSource,
                .min = 0,
                .max = 100},
               config.express_cost_factor);
  visitor.real({.key = "express_time_factor",
                .unit = "ratio",
                .meaning = "Express courier: transit time relative to the lane's median",
                .source = kModeSource,
                .min = 0.05,
                .max = 20},
               config.express_time_factor);
  visitor.real({.key = "express_loss_factor",
                .unit = "ratio",
                .meaning = "Express courier: loss chance relative to the lane's",
                .source = kModeSource,
                .min = 0,
                .max = 20},
               config.express_loss_factor);
}

void visit_dedicated(ParameterVisitor& visitor, LogisticsConfig& config) {
  visitor.real({.key = "dedicated_cost_factor",
                .unit = "ratio",
                .meaning = "Dedicated line (under contract): price relative to the lane's base "
                           "cost",
                .source = kModeSource,
                .min = 0,
                .max = 100},
               config.dedicated_cost_factor);
  visitor.real({.key = "dedicated_time_factor",
                .unit = "ratio",
                .meaning = "Dedicated line: transit time relative to the lane's median",
                .source = kModeSource,
                .min = 0.05,
                .max = 20},
               config.dedicated_time_factor);
  visitor.real({.key = "dedicated_loss_factor",
                .unit = "ratio",
                .meaning = "Dedicated line: loss chance relative to the lane's",
                .source = kModeSource,
                .min = 0,
                .max = 20},
               config.dedicated_loss_factor);
}

void visit_carrier_operations(ParameterVisitor& visitor, LogisticsConfig& config) {
  visitor.real({.key = "capacity_per_carrier",
                .unit = "parcels/day",
                .meaning = "Parcels a carrier handles a day before congestion slows delivery",
                .source = "assumption in agent units, uncalibrated: the sources give no carrier "
                          "capacities",
                .min = 1,
                .max = 1e12},
               config.capacity_per_carrier);
  visitor.real({.key = "congestion_delay",
                .unit = "share of transit time",
                .meaning = "Extra transit time per unit of overload (parcels / capacity - 1)",
                .source = "assumption: a doubled load adds half the transit time (festival "
                          "backlogs)",
                .min = 0,
                .max = 10},
               config.congestion_delay);
  visitor.real({.key = "carrier_margin",
                .unit = "share",
                .meaning = "Share of shipping revenue carriers keep as profit",
                .source = "assumption: a thin parcel-carrier margin",
                .min = 0,
                .max = 1},
               config.carrier_margin);
}

}  // namespace

void visit_parameters(ParameterVisitor& visitor, LogisticsConfig& config) {
  visitor.group("logistics",
                "Logistics providers: economy, express and dedicated-line carriers scaling the "
                "world's lanes, with capacity and congestion",
                [&] {
                  visit_economy(visitor, config);
                  visit_express(visitor, config);
                  visit_dedicated(visitor, config);
                  visit_carrier_operations(visitor, config);
                });
}

void visit_parameters(ParameterVisitor& visitor, CustomsConfig& config) {
  visitor.group("customs", "Customs authorities, one per market: inspection and seizure", [&] {
    visitor.real({.key = "inspection_rate",
                  .unit = "share",
                  .meaning = "Share of cross-border parcels customs inspects",
                  .source = "assumption: low-value parcels are mostly cleared unopened",
                  .min = 0,
                  .max = 1},
                 config.inspection_rate);
    visitor.real({.key = "seizure_given_counterfeit",
                  .unit = "probability",
                  .meaning = "Chance an inspected counterfeit parcel is seized",
                  .source = "assumption: most fakes are recognised once opened",
                  .min = 0,
                  .max = 1},
                 config.seizure_given_counterfeit);
  });
}

}  // namespace mercator
