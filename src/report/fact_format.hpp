#pragma once
// Numbers of a report's header as people read them: summary keys become
// labels ("gmv_last_year_usd" -> "GMV last year (US$)"), money and counts
// get thousands separators, shares and rates become percentages.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace mercator::report {

// "gmv_last_year_usd" -> "GMV last year (US$)".
std::string fact_label(std::string_view key);
// The value as text, by what its key says it is: *_usd money in whole
// dollars, *share* and *rate* percentages with 2 decimals, other
// numbers with thousands separators (up to 3 decimals below 1,000), strings
// and lists as they are.
std::string fact_value(std::string_view key, const nlohmann::json& value);

}  // namespace mercator::report
