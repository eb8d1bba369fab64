#include "report/metrics_frame.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "report/csv_reader.hpp"

namespace mercator::report {
namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Empty, "nan" and "inf" (as fmt writes a non-finite value) are missing.
double read_value(const CsvReader& reader, size_t column) {
  const std::string& text = reader.fields()[column];
  if (text.empty()) return missing;
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end) {
    reader.fail_field(column, "not a number", "a number (or empty, nan, inf)");
  }
  return std::isfinite(value) ? value : missing;
}

int read_day(const CsvReader& reader, size_t column, int previous_day) {
  const std::string& text = reader.fields()[column];
  int day = -1;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, day);
  if (error != std::errc() || stop != end || day < 0) {
    reader.fail_field(column, "not a day number", "a whole number of days from 0");
  }
  if (previous_day < 0 && day != 0) {
    reader.fail_field(column, "the first row's day", "day 0 (rows day by day from day 0)");
  }
  if (day != previous_day && day != previous_day + 1) {
    reader.fail_field(
        column, fmt::format("out of sequence after day {}", previous_day),
        fmt::format("day {} or {} (rows day by day from day 0)", previous_day, previous_day + 1));
  }
  return day;
}

}  // namespace

bool MetricsFrame::has_market(std::string_view market) const {
  return std::find(markets_.begin(), markets_.end(), market) != markets_.end();
}

bool MetricsFrame::has_column(std::string_view column) const {
  return values_.find(column) != values_.end();
}

std::span<const double> MetricsFrame::series(std::string_view column,
                                             std::string_view market) const {
  const auto found = values_.find(column);
  if (found == values_.end()) {
    throw std::out_of_range(fmt::format("no column '{}' in the metrics frame", column));
  }
  const auto position = std::find(markets_.begin(), markets_.end(), market);
  if (position == markets_.end()) {
    throw std::out_of_range(fmt::format("no market '{}' in the metrics frame", market));
  }
  return found->second[static_cast<size_t>(position - markets_.begin())];
}

MetricsFrame read_metrics_frame(const std::filesystem::path& file,
                                const std::vector<std::string>& wanted_columns) {
  CsvReader reader(file);
  const size_t day_column = reader.require_column("day");
  const size_t date_column = reader.require_column("date");
  const size_t market_column = reader.require_column("market");

  MetricsFrame frame;
  std::vector<size_t> file_columns;
  std::vector<std::vector<std::vector<double>>*> targets;
  for (const std::string& name : wanted_columns) {
    if (frame.has_column(name)) continue;
    const int column = reader.find_column(name);
    if (column < 0) {
      frame.absent_.push_back(name);
      continue;
    }
    frame.columns_.push_back(name);
    file_columns.push_back(static_cast<size_t>(column));
    targets.push_back(&frame.values_[name]);
  }

  int day = -1;
  while (reader.next()) {
    const int row_day = read_day(reader, day_column, day);
    if (row_day != day) {
      day = row_day;
      frame.dates_.push_back(reader.fields()[date_column]);
      for (auto* target : targets) {
        for (std::vector<double>& values : *target) values.push_back(missing);
      }
    }
    const std::string& market = reader.fields()[market_column];
    auto position = std::find(frame.markets_.begin(), frame.markets_.end(), market);
    if (position == frame.markets_.end()) {
      frame.markets_.push_back(market);
      for (auto* target : targets) target->emplace_back(frame.dates_.size(), missing);
      position = frame.markets_.end() - 1;
    }
    const size_t market_index = static_cast<size_t>(position - frame.markets_.begin());
    for (size_t k = 0; k < file_columns.size(); ++k) {
      (*targets[k])[market_index].back() = read_value(reader, file_columns[k]);
    }
  }
  if (frame.dates_.empty()) {
    throw CsvError(fmt::format("{}: no rows after the header; expected one row per day and market",
                               file.string()));
  }
  return frame;
}

}  // namespace mercator::report
