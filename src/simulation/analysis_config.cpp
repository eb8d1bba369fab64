#include "simulation/analysis_config.hpp"

namespace mercator {

void visit_parameters(ParameterVisitor& visitor, AnalysisConfig& config) {
  visitor.group("analysis",
                "Measurements made from the whole run: life-cycle stages and ecosystem indices "
                "(MODEL.md section 5); they change no simulated day",
                [&] {
                  visit_parameters(visitor, config.stages);
                  visit_parameters(visitor, config.indices);
                });
}

}  // namespace mercator
