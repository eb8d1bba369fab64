#pragma once
// Robustness of the ecosystem (Iansiti and Levien 2004: survival and
// recovery after shocks): today's level of trade against the best level of
// the recent past. It falls when a shock cuts trade and returns to about 1
// once trade is back. Uses only days up to today (no hindsight), but needs
// a window of them, so it is computed from the orders series after the run.
#include <vector>

#include "analysis/index_config.hpp"
#include "metrics/run_results.hpp"

namespace mercator {

// level(t) = median of orders over the robustness_level_days up to t;
// robustness(t) = level(t) / max(level over the robustness_reference_days up
// to t), in [0, 1]; 0 while there has been no trade.
std::vector<double> robustness_index(const std::vector<double>& orders, const IndexConfig& config);

// Writes the column robustness_index of every market's row (ALL included)
// from its orders column; does nothing when the run does not record it.
void fill_robustness_index(MetricsTable& table, const IndexConfig& config);

}  // namespace mercator
