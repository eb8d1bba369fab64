#pragma once
// What is measured after (or across) the days of a run: the life-cycle
// stages and the windows of the ecosystem indices. The `analysis` table of
// a scenario.
#include "analysis/index_config.hpp"
#include "analysis/stage_config.hpp"
#include "core/parameters.hpp"

namespace mercator {

struct AnalysisConfig {
  StageConfig stages;
  IndexConfig indices;
};
void visit_parameters(ParameterVisitor& visitor, AnalysisConfig& config);

}  // namespace mercator
