#pragma once
// The daily series (MODEL.md section 5), per market and for the whole run.
// Agent counts and money are scaled back to real people, firms and US$:
// buyer-side figures by buyers_per_agent, seller-side counts by
// sellers_per_agent.
#include "market/ecosystem_state.hpp"
#include "metrics/run_results.hpp"

namespace mercator {

// The series recorded, in column order.
const std::vector<std::string>& series_names();

// Appends today's rows (one per market, then "ALL") to the table.
void collect_metrics(const EcosystemState& state, MetricsTable& table);

}  // namespace mercator
