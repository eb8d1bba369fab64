// Replications only: one design point that varies nothing; the runs differ
// by their seed alone.
#include "experiment/experiment_design.hpp"

namespace mercator {

ExperimentDesign replications_design() { return ExperimentDesign{{}, {{}}}; }

}  // namespace mercator
