#include "analysis/stage_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/stage_detection.hpp"

namespace mercator {
namespace {

// One market's daily values of a series; rows are day-major (every market,
// then ALL, for each day).
std::vector<double> market_series(const MetricsTable& table, size_t market, const char* name) {
  const int column = table.series_index(name);
  if (column < 0) throw std::logic_error(std::string("stage detection: no series ") + name);
  const size_t markets = table.market_codes.size();
  std::vector<double> values;
  values.reserve(table.row_count() / markets);
  for (size_t row = market; row < table.row_count(); row += markets) {
    values.push_back(table.value(row, static_cast<size_t>(column)));
  }
  return values;
}

std::vector<double> members_series(const MetricsTable& table, size_t market,
                                   const StageConfig& config) {
  if (config.members_series == "buyers") return market_series(table, market, "buyers_active");
  if (config.members_series == "sellers") return market_series(table, market, "sellers_active");
  std::vector<double> members = market_series(table, market, "buyers_active");
  const std::vector<double> sellers = market_series(table, market, "sellers_active");
  for (size_t day = 0; day < members.size(); ++day) members[day] += sellers[day];
  return members;
}

}  // namespace

std::vector<std::string> stage_series(const StageConfig& config) {
  std::vector<std::string> names;
  if (config.members_series != "sellers") names.push_back("buyers_active");
  if (config.members_series != "buyers") names.push_back("sellers_active");
  names.push_back(config.volume_series);
  return names;
}

std::vector<StagePeriod> detect_run_stages(const MetricsTable& table, const StageConfig& config) {
  std::vector<StagePeriod> periods;
  if (table.market_codes.empty()) return periods;
  for (size_t market = 0; market < table.market_codes.size(); ++market) {
    const std::vector<double> members = members_series(table, market, config);
    const std::vector<double> volume = market_series(table, market, config.volume_series.c_str());
    for (const StageSpan& span : detect_stages(members, volume, config)) {
      periods.push_back({table.market_codes[market], std::string(stage_name(span.stage)),
                         span.start_day, span.end_day});
    }
  }
  return periods;
}

void add_stage_transitions(std::vector<EventRecord>& events, const std::vector<StagePeriod>& stages,
                           const std::vector<std::string>& day_dates) {
  for (size_t k = 1; k < stages.size(); ++k) {
    const StagePeriod& before = stages[k - 1];
    const StagePeriod& after = stages[k];
    if (before.market != after.market) continue;
    const auto day = static_cast<size_t>(after.start_day);
    events.push_back({after.start_day, day < day_dates.size() ? day_dates[day] : std::string(),
                      after.market, "", "stage_transition", before.stage + "->" + after.stage});
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const EventRecord& a, const EventRecord& b) { return a.day < b.day; });
}

}  // namespace mercator
