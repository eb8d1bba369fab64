#pragma once
// A run's summary.json as flat, named numbers: the per-run figures that
// experiments store and that attribution and sensitivity take as outcomes.
//
// Names are the dotted paths of numeric leaves, array elements by index:
// "final.gmv_last_year_usd", "lender.loans_defaulted",
// "platforms.0.active_sellers". Booleans become 0 or 1; strings are skipped.
#include <string>
#include <utility>
#include <vector>

namespace mercator {

using SummaryMetrics = std::vector<std::pair<std::string, double>>;

// In the order they appear in the summary. Throws on JSON that does not parse.
SummaryMetrics flatten_summary(const std::string& summary_json);

// The value of one named metric; throws InputError naming the
// metric and listing close names when it is absent.
double summary_metric(const SummaryMetrics& metrics, const std::string& name);

}  // namespace mercator
