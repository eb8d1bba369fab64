#include "experiment/calibration_targets.hpp"

#include <fmt/format.h>
// The library's own file-name copy trips a GCC warning; not ours to fix.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "core/calendar.hpp"
#include "core/input_error.hpp"
#include "core/number_text.hpp"
#include "metrics/collector.hpp"

namespace mercator {
namespace {

using TargetsReader =
    io::CSVReader<7, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;

std::optional<double> parse_number(const std::string& text) {
  const std::optional<double> value = parse_double(text);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

std::optional<TargetStatistic> parse_statistic(const std::string& text) {
  if (text == "mean") return TargetStatistic::Mean;
  if (text == "sum") return TargetStatistic::Sum;
  if (text == "last") return TargetStatistic::Last;
  return std::nullopt;
}

std::string_view statistic_name(TargetStatistic statistic) {
  switch (statistic) {
    case TargetStatistic::Mean: return "mean";
    case TargetStatistic::Sum: return "sum";
    case TargetStatistic::Last: return "last";
  }
  return "mean";
}

// Fields as read, before checking; optional ones keep their defaults.
struct TargetFields {
  std::string series, market, date, value, window_days = "1", statistic = "mean", weight = "1";
};

CalibrationTarget checked_target(const TargetFields& fields, const std::string& path, int line) {
  const auto fail = [&](std::string_view column, const std::string& text, std::string_view expected) {
    return InputError(fmt::format("{}:{}: column '{}' = '{}': invalid value; expected {}", path, line,
                                  column, text, expected));
  };
  CalibrationTarget target;
  target.line = line;
  target.series = fields.series;
  target.market = fields.market;
  if (target.series.empty()) throw fail("series", fields.series, "a metrics.csv column name");
  if (target.market.empty()) throw fail("market", fields.market, "a market code or ALL");
  if (!Date::parse(fields.date)) throw fail("date", fields.date, "a date YYYY-MM-DD");
  target.date = fields.date;
  const auto value = parse_number(fields.value);
  if (!value) throw fail("value", fields.value, "a finite number");
  target.value = *value;
  const auto window = parse_number(fields.window_days);
  if (!window || *window < 1 || *window != std::floor(*window) || *window > 100000)
    throw fail("window_days", fields.window_days, "a whole number of days >= 1");
  target.window_days = static_cast<int>(*window);
  const auto statistic = parse_statistic(fields.statistic);
  if (!statistic) throw fail("statistic", fields.statistic, "mean, sum or last");
  target.statistic = *statistic;
  const auto weight = parse_number(fields.weight);
  if (!weight || *weight < 0) throw fail("weight", fields.weight, "a number >= 0");
  target.weight = *weight;
  return target;
}

}  // namespace

std::string CalibrationTarget::label() const {
  if (window_days == 1) return fmt::format("{} {} {}", series, market, date);
  return fmt::format("{} {} {} ({} of {} days)", series, market, date, statistic_name(statistic),
                     window_days);
}

std::vector<CalibrationTarget> read_calibration_targets(const std::string& path) {
  std::vector<CalibrationTarget> targets;
  try {
    TargetsReader reader(path);
    reader.read_header(io::ignore_missing_column, "series", "market", "date", "value",
                       "window_days", "statistic", "weight");
    for (const char* required : {"series", "market", "date", "value"}) {
      if (!reader.has_column(required))
        throw InputError(fmt::format("{}:1: no column '{}'; expected a header with series, "
                                     "market, date, value (and optionally window_days, "
                                     "statistic, weight)",
                                     path, required));
    }
    TargetFields fields;
    while (reader.read_row(fields.series, fields.market, fields.date, fields.value,
                           fields.window_days, fields.statistic, fields.weight)) {
      // An empty optional field means its default, as an absent column does.
      const TargetFields defaults;
      if (fields.window_days.empty()) fields.window_days = defaults.window_days;
      if (fields.statistic.empty()) fields.statistic = defaults.statistic;
      if (fields.weight.empty()) fields.weight = defaults.weight;
      targets.push_back(checked_target(fields, path, static_cast<int>(reader.get_file_line())));
      fields = TargetFields{};
    }
  } catch (const io::error::base& error) {
    throw InputError(fmt::format("{}: {}; expected a CSV file of calibration targets", path,
                                 error.what()));
  }
  if (targets.empty())
    throw InputError(fmt::format("{}: no targets; expected at least one row after the header", path));
  return targets;
}

void check_targets_against(const std::vector<CalibrationTarget>& targets,
                           const std::string& targets_path, const SimulationConfig& config) {
  const auto& names = series_names();
  const Date start = *Date::parse(config.run.start_date);
  const Date end = *Date::parse(config.run.end_date);
  std::vector<std::string> problems;
  for (const CalibrationTarget& target : targets) {
    const auto where = fmt::format("{}:{}", targets_path, target.line);
    if (std::find(names.begin(), names.end(), target.series) == names.end())
      problems.push_back(fmt::format("{}: series '{}' is not a metrics.csv column; expected one of "
                                     "the series in docs/outputs.md",
                                     where, target.series));
    const auto& markets = config.world.markets;
    if (target.market != "ALL" &&
        std::find(markets.begin(), markets.end(), target.market) == markets.end())
      problems.push_back(fmt::format("{}: market '{}' is not in the run; expected ALL or one of "
                                     "world.markets",
                                     where, target.market));
    const Date last = *Date::parse(target.date);
    const Date first{last.days_since_epoch - (target.window_days - 1)};
    if (first < start || end < last)
      problems.push_back(fmt::format("{}: window {} to {} is not inside the run ({} to {})", where,
                                     first.iso(), last.iso(), start.iso(), end.iso()));
  }
  if (problems.empty()) return;
  std::string message;
  for (const std::string& problem : problems) message += (message.empty() ? "" : "\n") + problem;
  throw InputError(message);
}

double simulated_value(const CalibrationTarget& target, const MetricsTable& metrics) {
  const int column = metrics.series_index(target.series);
  const auto market_at = std::find(metrics.market_codes.begin(), metrics.market_codes.end(),
                                   target.market);
  const auto date_at =
      std::find(metrics.day_dates.begin(), metrics.day_dates.end(), target.date);
  if (column < 0 || market_at == metrics.market_codes.end() || date_at == metrics.day_dates.end())
    throw InputError(fmt::format("target {} (line {}) is not in the run's metrics", target.label(),
                                 target.line));
  const auto market = static_cast<uint16_t>(market_at - metrics.market_codes.begin());
  const auto last_day = static_cast<int32_t>(date_at - metrics.day_dates.begin());
  const int32_t first_day = last_day - (target.window_days - 1);
  // Rows are day-major with every market each day: one per (day, market).
  const size_t rows_per_day = metrics.market_codes.size();
  double sum = 0;
  double last = 0;
  for (int32_t day = first_day; day <= last_day; ++day) {
    const size_t row = static_cast<size_t>(day) * rows_per_day + market;
    if (metrics.row_day[row] != day || metrics.row_market[row] != market)
      throw std::logic_error("metrics rows are not one per (day, market) in order");
    last = metrics.value(row, static_cast<size_t>(column));
    sum += last;
  }
  switch (target.statistic) {
    case TargetStatistic::Sum: return sum;
    case TargetStatistic::Last: return last;
    case TargetStatistic::Mean: break;
  }
  return sum / target.window_days;
}

}  // namespace mercator
