#pragma once
// The smoothing that stage detection applies to a daily series. Windows are
// centred on the day (they use later days: hindsight) and cut at the ends of
// the series to the days that exist.
#include <cstdint>
#include <vector>

namespace mercator {

// Growth per day: the slope of the least-squares line through the days
// within half_width of each day. On any window the slope is an average of
// the series' daily growth with non-negative weights (peaking mid-window),
// so a cut window at an end lags or leads but does not bend the growth.
std::vector<double> least_squares_growth(const std::vector<double>& series, int64_t half_width);

// Median of the days within half_width of each day (robust to spikes such as
// festivals shorter than half_width; a monotone stretch keeps its values).
std::vector<double> centred_moving_median(const std::vector<double>& series, int64_t half_width);

// Maximum of each day and the days before it.
std::vector<double> running_maximum(const std::vector<double>& series);

}  // namespace mercator
