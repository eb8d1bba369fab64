#pragma once
// How a daily series of metrics.csv is summarised over a period of days:
// a flow (orders placed today, GMV today) adds up, anything else (a stock
// such as active buyers, a share, a rate, a mean, an index) is averaged.
// The flows are the per-day counts and money of docs/outputs.md.
#include <string_view>

namespace mercator::report {

enum class Aggregation { sum, mean };

Aggregation aggregation_of(std::string_view series);

}  // namespace mercator::report
