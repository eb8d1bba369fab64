#pragma once
// Helpers shared by the model-level tests: run a scenario with overrides, and
// read series out of the metrics table.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"

namespace mercator::test_support {

// Loads a scenario (path relative to the repository root, where ctest runs
// the tests), applies the overrides and runs it to the end.
inline RunResults run_scenario(const std::string& path, const std::vector<std::string>& overrides = {},
                               unsigned threads = 2) {
  const Scenario scenario = load_scenario(path, overrides);
  Simulation simulation(scenario.config, threads);
  simulation.run();
  return simulation.results();
}

inline size_t market_index(const MetricsTable& table, std::string_view market) {
  for (size_t m = 0; m < table.market_codes.size(); ++m) {
    if (table.market_codes[m] == market) return m;
  }
  throw std::invalid_argument("no market " + std::string(market) + " in the metrics table");
}

inline size_t series_column(const MetricsTable& table, std::string_view name) {
  const int column = table.series_index(name);
  if (column < 0) throw std::invalid_argument("no series " + std::string(name) + " in the metrics table");
  return static_cast<size_t>(column);
}

// One series in one market's rows (the global row "ALL" by default), by day.
inline std::vector<double> series(const MetricsTable& table, std::string_view name,
                                  std::string_view market = "ALL") {
  const size_t column = series_column(table, name);
  const size_t row_market = market_index(table, market);
  std::vector<double> values;
  for (size_t row = 0; row < table.row_count(); ++row) {
    if (table.row_market[row] == row_market) values.push_back(table.value(row, column));
  }
  return values;
}

inline double sum_series(const MetricsTable& table, std::string_view name, std::string_view market = "ALL") {
  double total = 0;
  for (double value : series(table, name, market)) total += value;
  return total;
}

// Mean of a series over the last `days` days (all days when the run is shorter).
inline double mean_last_days(const MetricsTable& table, std::string_view name, int days,
                             std::string_view market = "ALL") {
  const std::vector<double> values = series(table, name, market);
  const size_t count = std::min(values.size(), static_cast<size_t>(days));
  if (count == 0) return 0.0;
  double total = 0;
  for (size_t k = values.size() - count; k < values.size(); ++k) total += values[k];
  return total / static_cast<double>(count);
}

// The day (row index by day) of a date of the run; throws when the run does
// not have that day.
inline size_t day_of(const MetricsTable& table, std::string_view date) {
  const auto found = std::find(table.day_dates.begin(), table.day_dates.end(), date);
  if (found == table.day_dates.end()) throw std::invalid_argument("no day " + std::string(date) + " in the run");
  return static_cast<size_t>(found - table.day_dates.begin());
}

// Mean of a series over the days from `first` to `last`, both included.
inline double mean_between(const MetricsTable& table, std::string_view name, std::string_view first,
                           std::string_view last, std::string_view market = "ALL") {
  const std::vector<double> values = series(table, name, market);
  const size_t from = day_of(table, first), to = day_of(table, last);
  double total = 0;
  for (size_t day = from; day <= to; ++day) total += values[day];
  return total / static_cast<double>(to - from + 1);
}

// Sum of a series over the last `days` days.
inline double sum_last_days(const MetricsTable& table, std::string_view name, int days,
                            std::string_view market = "ALL") {
  return mean_last_days(table, name, days, market) *
         static_cast<double>(std::min<size_t>(series(table, name, market).size(), static_cast<size_t>(days)));
}

}  // namespace mercator::test_support
