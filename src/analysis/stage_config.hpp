#pragma once
// The parameters of ecosystem life-cycle stage detection (docs/analysis.md):
// which series stand for the ecosystem's members and volume, the smoothing
// windows, and the thresholds that separate exploration, expansion,
// maturity, renewal and decline.
#include <cstdint>
#include <string>

#include "core/parameters.hpp"

namespace mercator {

struct StageConfig {
  std::string growth_signal =
      "members";  // members | volume: what exploration, expansion and maturity follow
  std::string members_series = "buyers_and_sellers";  // buyers_and_sellers | buyers | sellers
  std::string volume_series = "orders";               // orders | gmv_usd
  int64_t growth_days = 61;  // centred window of the least-squares slope that gives the growth rate
  int64_t smoothing_days =
      31;  // centred window of the moving median that gives the level for decline
  double expansion_fraction =
      0.5;                        // growth, as a share of its peak, that opens and closes expansion
  double decline_drop = 0.2;      // fall below the running maximum that counts as decline
  int64_t decline_days = 90;      // for at least this many consecutive days
  double renewal_fraction = 0.5;  // growth back above this share of the peak after maturity
  int64_t renewal_days = 90;      // for at least this many consecutive days
};
void visit_parameters(ParameterVisitor& visitor, StageConfig& config);

}  // namespace mercator
