#pragma once
// What a run produces, in memory: the daily series per market, the event
// log and the summary. The io/ writers turn it into a run directory.
#include <cstdint>
#include <string>
#include <vector>

namespace mercator {

// Rows are (day, market); market index == market_codes.size() - 1 is the
// global row "ALL". values holds row-major rows of series_names.size().
struct MetricsTable {
  std::vector<std::string> series_names;
  std::vector<std::string> market_codes;  // the run's markets then "ALL"
  std::vector<int32_t> row_day;
  std::vector<std::string> day_dates;     // indexed by day
  std::vector<uint16_t> row_market;
  std::vector<double> values;

  size_t row_count() const { return row_day.size(); }
  double value(size_t row, size_t series) const { return values[row * series_names.size() + series]; }
  // The index of a series by name, or -1.
  int series_index(std::string_view name) const;
};

struct EventRecord {
  int32_t day = 0;
  std::string date;
  std::string market;  // code, or "ALL"
  std::string platform;
  std::string type;
  std::string detail;
};

// One period of a market's life-cycle stage (analysis/stage_detection.hpp);
// end_day is the last day of the period.
struct StagePeriod {
  std::string market;  // code, or "ALL"
  std::string stage;   // exploration, expansion, maturity, renewal, decline
  int32_t start_day = 0;
  int32_t end_day = 0;
};

struct RunTimings {
  double setup_seconds = 0;
  double simulate_seconds = 0;
};

struct RunResults {
  MetricsTable metrics;
  std::vector<EventRecord> events;
  std::vector<StagePeriod> stages;  // per market in table order, then ALL; each in day order
  std::string summary_json;  // summary.json content
  RunTimings timings;
  double buyers_per_agent = 1;
  double sellers_per_agent = 1;
};

}  // namespace mercator
