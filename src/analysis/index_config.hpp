#pragma once
// The parameters of the ecosystem indices that need a window of days
// (docs/analysis.md). The other indices are read from one day's state.
#include <cstdint>

#include "core/parameters.hpp"

namespace mercator {

struct IndexConfig {
  int64_t robustness_level_days = 14;       // trailing median of daily orders: today's level
  int64_t robustness_reference_days = 182;  // the best level over this many days is the reference
};
void visit_parameters(ParameterVisitor& visitor, IndexConfig& config);

}  // namespace mercator
