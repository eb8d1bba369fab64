#pragma once
// Stage detection over a whole run: every market's row and the global ALL
// row of the metrics table, and the stage transitions as events.
#include <string>
#include <vector>

#include "analysis/stage_config.hpp"
#include "metrics/run_results.hpp"

namespace mercator {

// The daily series the detection reads (members and volume, per config).
std::vector<std::string> stage_series(const StageConfig& config);

// The stage periods of every market (in the table's market order, ALL last).
std::vector<StagePeriod> detect_run_stages(const MetricsTable& table, const StageConfig& config);

// Adds a `stage_transition` event (detail `from->to`, no platform) on the
// first day of every period after a market's first, keeping events in day
// order: a day's transitions follow the events the simulation logged that day.
void add_stage_transitions(std::vector<EventRecord>& events, const std::vector<StagePeriod>& stages,
                           const std::vector<std::string>& day_dates);

}  // namespace mercator
