#pragma once
// Sobol indices of an experiment's outcomes from its finished Saltelli runs
// in the database (analysis/sobol_indices.hpp does the arithmetic).
#include <vector>

#include "experiment/experiment_database.hpp"
#include "experiment/experiment_loader.hpp"

namespace mercator {

// One row per outcome of [sensitivity] and parameter, in the file's order.
// The outcome at a design point is the mean over its replicates (with
// common random numbers, every point has the same seeds). The bootstrap
// draws from RandomStream(seed, Purpose::Resampling, 0, outcome index).
// Throws ExperimentDatabaseError when an outcome is no summary metric, and
// std::runtime_error when a design point has no finished run.
std::vector<SensitivityRow> sensitivity_rows(const ExperimentDatabase& database,
                                             int64_t experiment_id, const Experiment& experiment);

}  // namespace mercator
