#include "metrics/run_summary.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/ledger.hpp"

namespace mercator {
namespace {

// The column of a series the summary reads; every run records these
// (summary_series()), so a missing one is a bug.
size_t column_of(const MetricsTable& table, const char* series) {
  const int index = table.series_index(series);
  if (index < 0) throw std::logic_error(std::string("run summary: the run did not record ") + series);
  return static_cast<size_t>(index);
}

// Sum of a series over the last `days` days in one market row.
double sum_last(const MetricsTable& table, size_t market, const char* series, int days) {
  const size_t index = column_of(table, series);
  const size_t markets = table.market_codes.size();
  const size_t rows = table.row_count();
  double total = 0;
  for (size_t row = rows >= markets * days ? rows - markets * days : 0; row < rows; ++row) {
    if (table.row_market[row] == market) total += table.value(row, index);
  }
  return total;
}

double last_value(const MetricsTable& table, size_t market, const char* series) {
  const size_t markets = table.market_codes.size();
  if (table.row_count() < markets) return 0;
  return table.value(table.row_count() - markets + market, column_of(table, series));
}

// Per market (ALL first, then the run's markets): the first day of each
// stage that occurs (absent stages have no key), the stage on the last day
// and the number of transitions.
nlohmann::ordered_json stages_block(const RunResults& results) {
  const std::vector<std::string>& codes = results.metrics.market_codes;
  std::vector<std::string> order;
  if (!codes.empty()) order.push_back(codes.back());
  order.insert(order.end(), codes.begin(), codes.empty() ? codes.end() : codes.end() - 1);
  nlohmann::ordered_json block = nlohmann::ordered_json::object();
  for (const std::string& market : order) {
    nlohmann::ordered_json entry = nlohmann::ordered_json::object();
    int transitions = -1;
    std::string final_stage;
    for (const StagePeriod& period : results.stages) {
      if (period.market != market) continue;
      const std::string key = period.stage + "_start_day";
      if (!entry.contains(key)) entry[key] = period.start_day;
      final_stage = period.stage;
      ++transitions;
    }
    if (transitions < 0) continue;
    entry["final_stage"] = final_stage;
    entry["transitions"] = transitions;
    block[market] = entry;
  }
  return block;
}

}  // namespace

const std::vector<std::string>& summary_series() {
  static const std::vector<std::string> names = {
      "gmv_usd",           "gmv_cross_border_usd", "orders",       "buyers_active",
      "sellers_active",    "counterfeit_share",    "dispute_rate", "platform_presence"};
  return names;
}

std::string summarize_run(const EcosystemState& state, const RunResults& results) {
  const MetricsTable& table = results.metrics;
  const size_t global = table.market_codes.size() - 1;
  const int year = 365;
  nlohmann::ordered_json summary;
  nlohmann::ordered_json final_block;
  final_block["last_date"] = table.day_dates.empty() ? "" : table.day_dates.back();
  final_block["gmv_last_year_usd"] = sum_last(table, global, "gmv_usd", year);
  final_block["cross_border_gmv_last_year_usd"] = sum_last(table, global, "gmv_cross_border_usd", year);
  final_block["orders_last_year"] = sum_last(table, global, "orders", year);
  final_block["active_buyers"] = last_value(table, global, "buyers_active");
  final_block["active_sellers"] = last_value(table, global, "sellers_active");
  const double orders = sum_last(table, global, "orders", year);
  double counterfeit = 0;
  for (size_t m = 0; m < global; ++m) {
    // Counterfeit orders = share x orders, summed over markets and days.
    const size_t share = column_of(table, "counterfeit_share");
    const size_t count = column_of(table, "orders");
    const size_t rows = table.row_count();
    for (size_t row = rows >= table.market_codes.size() * year ? rows - table.market_codes.size() * year : 0;
         row < rows; ++row) {
      if (table.row_market[row] == m) counterfeit += table.value(row, share) * table.value(row, count);
    }
  }
  final_block["counterfeit_share_last_year"] = orders > 0 ? counterfeit / orders : 0.0;
  final_block["dispute_rate"] = last_value(table, global, "dispute_rate");
  final_block["markets_with_presence"] = last_value(table, global, "platform_presence");
  std::vector<std::pair<double, std::string>> markets;
  for (size_t m = 0; m < global; ++m) markets.emplace_back(sum_last(table, m, "gmv_usd", year), table.market_codes[m]);
  std::sort(markets.begin(), markets.end(), std::greater<>());
  std::string top;
  for (size_t k = 0; k < std::min<size_t>(5, markets.size()); ++k) top += (k ? ", " : "") + markets[k].second;
  final_block["top_markets_by_gmv"] = top;
  summary["final"] = final_block;

  nlohmann::ordered_json flows;
  for (size_t reason = 0; reason < size_t(Reason::Count); ++reason) {
    flows[std::string(reason_name(Reason(reason)))] = to_dollars(state.ledger.flow(Reason(reason)));
  }
  summary["ledger_flows_agent_usd"] = flows;
  summary["ledger_balanced"] = state.ledger.balanced();
  summary["lender"] = {{"loans_issued", state.lender.loans_issued},
                       {"loans_repaid", state.lender.loans_repaid},
                       {"loans_defaulted", state.lender.loans_defaulted}};
  summary["buyers_per_agent"] = results.buyers_per_agent;
  summary["sellers_per_agent"] = results.sellers_per_agent;
  summary["days"] = state.total_days;
  summary["hot_state_bytes_per_buyer"] = state.buyers.bytes_per_buyer();
  nlohmann::ordered_json platforms = nlohmann::ordered_json::array();
  for (const PlatformState& owner : state.platforms) {
    platforms.push_back({{"name", owner.name},
                         {"algorithm_quality", owner.algorithm_quality},
                         {"active_buyers_agents", owner.active_buyers},
                         {"member_sellers_agents", owner.member_sellers},
                         {"international_stage", int(owner.stage)}});
  }
  summary["platforms"] = platforms;
  summary["stages"] = stages_block(results);
  return summary.dump(2);
}

}  // namespace mercator
