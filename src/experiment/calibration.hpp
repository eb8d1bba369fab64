#pragma once
// Fitting scenario parameters to observed figures: a derivative-free search
// (NLopt) over a box, each candidate judged by replicated runs with common
// random numbers (the same seeds for every candidate, so differences between
// candidates are not noise between seeds).
//
// The loss is the weighted mean of squared relative errors over the
// in-sample targets, (simulated - observed) / |observed| (scale 1 where the
// observed figure is 0). Targets dated on or after holdout_from are left out
// of the fit and reported as out-of-sample error.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "experiment/calibration_targets.hpp"

namespace mercator {

struct CalibrationParameter {
  std::string key;  // a registered Real parameter, "platforms.0.commission_rate"
  double low = 0;
  double high = 0;
  double start = 0;  // the scenario's value, clamped into [low, high]
};

// Parses "KEY" or "KEY:LOW:HIGH" against the scenario: the key must be a
// Real parameter; bounds default to its registered range (which must then be
// finite). Throws InputError saying what is wrong.
CalibrationParameter parse_calibration_parameter(const std::string& text,
                                                 const std::string& resolved_scenario_json);

struct CalibrationOptions {
  std::string scenario_path;
  std::vector<std::string> overrides;  // --set, applied before the parameters
  std::vector<CalibrationParameter> parameters;
  std::vector<CalibrationTarget> targets;
  int replications = 3;
  int64_t seed = 1;  // replicate r runs with seed + r
  int max_evaluations = 40;
  double relative_tolerance = 1e-3;  // on the parameters, scaled to [0, 1]
  std::string algorithm = "bobyqa";  // bobyqa | neldermead | sbplx | cobyla
  std::optional<std::string> holdout_from;  // YYYY-MM-DD
  unsigned parallel = 1;
};

struct TargetFit {
  CalibrationTarget target;
  double simulated = 0;       // mean over replicates at the fitted parameters
  double relative_error = 0;  // (simulated - observed) / scale
  bool in_sample = true;
};

struct CalibrationEvaluation {
  std::vector<double> parameters;
  double loss = 0;
};

struct CalibrationResult {
  std::vector<double> start;
  std::vector<double> fitted;
  double start_loss = 0;
  double fitted_loss = 0;  // in sample
  double holdout_loss = 0;  // out of sample (NaN without held-out targets)
  std::vector<TargetFit> fits;  // at the fitted parameters
  std::vector<CalibrationEvaluation> evaluations;  // in the order made
  std::string stop_reason;
};

// One line per evaluation: (evaluation number, parameters, loss).
using CalibrationProgress = std::function<void(const CalibrationEvaluation&, size_t number)>;

CalibrationResult calibrate(const CalibrationOptions& options,
                            const CalibrationProgress& progress = {});

// The overrides that set the parameters to these values ("key=value").
std::vector<std::string> parameter_overrides(const std::vector<CalibrationParameter>& parameters,
                                             const std::vector<double>& values);

}  // namespace mercator
