#include "analysis/robustness_index.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace mercator {
namespace {

// Median of the `days` values up to each day (fewer at the start).
std::vector<double> trailing_median(const std::vector<double>& series, size_t days) {
  std::vector<double> median(series.size());
  std::vector<double> window;
  for (size_t day = 0; day < series.size(); ++day) {
    const size_t first = day + 1 >= days ? day + 1 - days : 0;
    window.assign(series.begin() + first, series.begin() + day + 1);
    const size_t middle = window.size() / 2;
    std::nth_element(window.begin(), window.begin() + middle, window.end());
    double value = window[middle];
    if (window.size() % 2 == 0)
      value = (value + *std::max_element(window.begin(), window.begin() + middle)) / 2.0;
    median[day] = value;
  }
  return median;
}

// Maximum of the `days` values up to each day, with a monotone queue.
std::vector<double> trailing_maximum(const std::vector<double>& series, size_t days) {
  std::vector<double> maximum(series.size());
  std::deque<size_t> candidates;  // days whose value may still be a maximum, values decreasing
  for (size_t day = 0; day < series.size(); ++day) {
    while (!candidates.empty() && series[candidates.back()] <= series[day]) candidates.pop_back();
    candidates.push_back(day);
    if (candidates.front() + days <= day) candidates.pop_front();
    maximum[day] = series[candidates.front()];
  }
  return maximum;
}

}  // namespace

std::vector<double> robustness_index(const std::vector<double>& orders, const IndexConfig& config) {
  const std::vector<double> level =
      trailing_median(orders, static_cast<size_t>(config.robustness_level_days));
  const std::vector<double> best =
      trailing_maximum(level, static_cast<size_t>(config.robustness_reference_days));
  std::vector<double> robustness(orders.size());
  for (size_t day = 0; day < orders.size(); ++day)
    robustness[day] = best[day] > 0 ? level[day] / best[day] : 0.0;
  return robustness;
}

void fill_robustness_index(MetricsTable& table, const IndexConfig& config) {
  const int orders_column = table.series_index("orders");
  const int robustness_column = table.series_index("robustness_index");
  if (robustness_column < 0) return;  // not recorded in this run
  if (orders_column < 0) throw std::logic_error("robustness_index: the metrics table lacks orders");
  const size_t markets = table.market_codes.size();
  const size_t width = table.series_names.size();
  for (size_t market = 0; market < markets; ++market) {
    std::vector<double> orders;
    for (size_t row = market; row < table.row_count(); row += markets)
      orders.push_back(table.value(row, orders_column));
    const std::vector<double> robustness = robustness_index(orders, config);
    size_t day = 0;
    for (size_t row = market; row < table.row_count(); row += markets) {
      table.values[row * width + static_cast<size_t>(robustness_column)] = robustness[day++];
    }
  }
}

}  // namespace mercator
