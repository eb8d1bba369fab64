#include "analysis/stage_smoothing.hpp"

#include <algorithm>

namespace mercator {
namespace {

struct Window {
  size_t first;
  size_t last;  // inclusive
};

Window window_around(size_t day, int64_t half_width, size_t days) {
  const auto reach = static_cast<size_t>(std::max<int64_t>(0, half_width));
  return {day >= reach ? day - reach : 0, std::min(days - 1, day + reach)};
}

double slope(const std::vector<double>& series, Window window) {
  const double count = double(window.last - window.first + 1);
  const double mid_day = (double(window.first) + double(window.last)) / 2.0;
  double mean = 0;
  for (size_t day = window.first; day <= window.last; ++day) mean += series[day];
  mean /= count;
  double covariance = 0, variance = 0;
  for (size_t day = window.first; day <= window.last; ++day) {
    const double offset = double(day) - mid_day;
    covariance += offset * (series[day] - mean);
    variance += offset * offset;
  }
  return variance > 0 ? covariance / variance : 0.0;
}

}  // namespace

std::vector<double> least_squares_growth(const std::vector<double>& series, int64_t half_width) {
  std::vector<double> growth(series.size(), 0.0);
  for (size_t day = 0; day < series.size(); ++day) {
    growth[day] =
        slope(series, window_around(day, std::max<int64_t>(1, half_width), series.size()));
  }
  return growth;
}

std::vector<double> centred_moving_median(const std::vector<double>& series, int64_t half_width) {
  // The window moves a day at a time, so it is kept sorted: each day one
  // value enters and one leaves, found by binary search, instead of a
  // selection over a fresh copy of the window. The middle values are the
  // same order statistics, so the medians are the same numbers.
  std::vector<double> median(series.size());
  std::vector<double> sorted;
  size_t first = 0, end = 0;  // the window: series[first, end)
  for (size_t day = 0; day < series.size(); ++day) {
    const Window window = window_around(day, half_width, series.size());
    for (; end <= window.last; ++end) {
      sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), series[end]), series[end]);
    }
    for (; first < window.first; ++first) {
      sorted.erase(std::lower_bound(sorted.begin(), sorted.end(), series[first]));
    }
    const size_t middle = sorted.size() / 2;
    double value = sorted[middle];
    // An even count (a window cut at an end): the mean of the two middle values.
    if (sorted.size() % 2 == 0) value = (value + sorted[middle - 1]) / 2.0;
    median[day] = value;
  }
  return median;
}

std::vector<double> running_maximum(const std::vector<double>& series) {
  std::vector<double> maximum(series.size());
  double best = series.empty() ? 0.0 : series.front();
  for (size_t day = 0; day < series.size(); ++day) {
    best = std::max(best, series[day]);
    maximum[day] = best;
  }
  return maximum;
}

}  // namespace mercator
