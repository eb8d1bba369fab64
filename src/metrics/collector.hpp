#pragma once
// The daily series (MODEL.md section 5), per market and for the whole run.
// Agent counts and money are scaled back to real people, firms and US$:
// buyer-side figures by buyers_per_agent, seller-side counts by
// sellers_per_agent. The last columns are the ecosystem advantage and
// health indices (analysis/advantage_index.hpp, analysis/health_index.hpp);
// robustness_index is left at 0 here and filled after the run
// (analysis/robustness_index.hpp), since it needs a window of days.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "market/ecosystem_state.hpp"
#include "metrics/run_results.hpp"

namespace mercator {

// Every series a run can record, in column order.
const std::vector<std::string>& series_names();

class MetricsCollector {
 public:
  // Reads what stays fixed through a run (buyers in each market's potential),
  // so the daily collection never scans every buyer. `recorded`: the series
  // to record, names from series_names() in the table's column order; only
  // what they read is gathered each day (the seller-side series need a pass
  // over every living seller, the concentration series a selection per
  // market). Throws std::logic_error on a name that is not a series.
  MetricsCollector(const EcosystemState& state, const std::vector<std::string>& recorded);

  // Appends today's rows (one per market, then "ALL") of the recorded
  // series to the table.
  // books_balanced: whether all balances sum to zero today (Ledger::balanced).
  void collect(const EcosystemState& state, bool books_balanced, MetricsTable& table);

 private:
  std::vector<double> potential_buyers_;  // per market, agents
  std::vector<std::vector<float>> sales_scratch_;  // per market, reused every day
  std::vector<size_t> columns_;  // the recorded series, as indices into series_names()
  uint8_t gathered_ = 0;         // what the recorded series need gathered (collector.cpp)
};

}  // namespace mercator
