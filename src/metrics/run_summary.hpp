#pragma once
#include <string>
#include <vector>

#include "market/ecosystem_state.hpp"
#include "metrics/run_results.hpp"

namespace mercator {

// summary.json: the last year's totals and the final state, the ledger's
// flows by reason, and the top markets by GMV. The "final" block is what
// `mercator run` prints.
std::string summarize_run(const EcosystemState& state, const RunResults& results);

// The daily series summarize_run reads: a run records at least these.
const std::vector<std::string>& summary_series();

}  // namespace mercator
