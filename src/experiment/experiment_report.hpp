#pragma once
// What `mercator experiment` and `mercator sensitivity` print while they
// run an experiment: the plan (runs, skipped, to run) on `out`, progress on
// `progress` (none when quiet), and how long the new runs took.
#include <ostream>

#include "experiment/experiment_runner.hpp"

namespace mercator {

struct ReportStreams {
  std::ostream& out;
  std::ostream& progress;
  bool progress_is_terminal = false;
  bool quiet = false;
};

void run_reporting(ExperimentRunner& runner, const Experiment& experiment, unsigned parallel,
                   const FirstResultCheck& check_first, const ReportStreams& streams);

}  // namespace mercator
