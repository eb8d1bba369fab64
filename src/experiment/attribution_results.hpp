#pragma once
// The estimates of a mechanism attribution, computed from the runs stored
// in the experiment database, and their rows in its attribution table.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/shapley_estimates.hpp"
#include "experiment/attribution_plan.hpp"
#include "experiment/experiment_database.hpp"

namespace mercator {

// Shapley values and one-at-a-time effects of one outcome (a summary metric
// name) over the spec's replicates. Throws ExperimentDatabaseError when a
// run the design reads is not in the database.
AttributionEstimate attribution_from_database(const ExperimentDatabase& database,
                                              int64_t experiment_id, const AttributionSpec& spec,
                                              const std::string& outcome);

// One row per mechanism and method: "shapley" (exact) or "shapley_sampled",
// "ablation" (leave one out: v(all) - v(all without i)) and "solo"
// (v({i}) - v(none)).
std::vector<AttributionRow> attribution_rows(const AttributionSpec& spec,
                                             const std::string& outcome,
                                             const AttributionEstimate& estimate);

}  // namespace mercator
