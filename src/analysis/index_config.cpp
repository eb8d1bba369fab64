#include "analysis/index_config.hpp"

namespace mercator {

void visit_parameters(ParameterVisitor& visitor, IndexConfig& config) {
  visitor.group(
      "indices", "Windows of the ecosystem advantage and health indices (docs/analysis.md)", [&] {
        visitor.integer({.key = "robustness_level_days",
                         .unit = "days",
                         .meaning = "robustness_index: today's level of trade is the median of "
                                    "daily orders over this many days up to today",
                         .source = "assumption: two weeks; a median ignores festivals shorter "
                                   "than half of it",
                         .min = 1,
                         .max = 365},
                        config.robustness_level_days);
        visitor.integer({.key = "robustness_reference_days",
                         .unit = "days",
                         .meaning = "robustness_index: today's level is compared with the best "
                                    "level of this many days up to today",
                         .source = "assumption: half a year, longer than the shocks of the cases "
                                   "(Iansiti and Levien 2004: robustness is survival and recovery)",
                         .min = 1,
                         .max = 3650},
                        config.robustness_reference_days);
      });
}

}  // namespace mercator
