#pragma once
// What a calibration fits to: observed figures, each a statistic of one
// daily series in one market over a window ending on a date.
//
// TARGETS.csv, one target per row (header required, columns in any order):
//   series       a metrics.csv column, e.g. buyers_active, gmv_usd
//   market       a market code of the run, or ALL
//   date         YYYY-MM-DD, the last day of the window
//   value        the observed figure
//   window_days  optional, default 1: the window's length in days
//   statistic    optional, default mean: mean | sum | last over the window
//   weight       optional, default 1: the target's weight in the fit
// A yearly GMV is `gmv_usd,ALL,2013-12-31,..,365,sum`; an end-of-year user
// count is `buyers_active,US,2020-12-31,..` (window 1).
#include <string>
#include <vector>

#include "metrics/run_results.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {

enum class TargetStatistic { Mean, Sum, Last };

struct CalibrationTarget {
  std::string series;
  std::string market;
  std::string date;
  double value = 0;
  int window_days = 1;
  TargetStatistic statistic = TargetStatistic::Mean;
  double weight = 1;
  int line = 0;  // in the targets file, for messages
  std::string label() const;  // "gmv_usd ALL 2013-12-31 (sum of 365 days)"
};

// Reads and checks the file's own format; throws InputError naming the file,
// line and column at fault.
std::vector<CalibrationTarget> read_calibration_targets(const std::string& path);

// Checks the targets against a scenario before any run: known series, the
// run's markets, dates whose whole window lies inside the run. Throws
// InputError listing every target at fault.
void check_targets_against(const std::vector<CalibrationTarget>& targets,
                           const std::string& targets_path, const SimulationConfig& config);

// The target's statistic in a finished run.
double simulated_value(const CalibrationTarget& target, const MetricsTable& metrics);

}  // namespace mercator
