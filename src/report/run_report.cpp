#include "report/run_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/number_text.hpp"
#include "report/chart_specs.hpp"
#include "report/downsampling.hpp"
#include "report/fact_format.hpp"
#include "report/metrics_frame.hpp"
#include "report/run_files.hpp"

namespace mercator::report {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr std::string_view all_markets = "ALL";
constexpr size_t top_gmv_market_count = 6;
constexpr size_t most_event_rows = 2000;

// The indices of the ecosystem advantages and health (docs/outputs.md).
constexpr std::array<std::string_view, 12> index_columns = {
    "technology_index",        "relationship_index",  "innovation_index",   "connectivity_index",
    "interconnectivity_index", "aggregation_index",   "productivity_index", "robustness_index",
    "niche_creation_index",    "heterogeneity_index", "embeddedness_index", "reciprocity_index"};

const std::vector<std::string> stage_order = {"exploration", "expansion", "maturity", "renewal",
                                              "decline"};

void add_once(std::vector<std::string>& items, const std::string& item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

std::vector<std::string> wanted_columns() {
  std::vector<std::string> columns = {"penetration", "buyers_active",     "gmv_usd",
                                      "orders",      "counterfeit_share", "settled_orders",
                                      "dispute_rate"};
  for (const std::string_view index : index_columns) columns.emplace_back(index);
  return columns;
}

// The frame's days cut into the periods the charts draw.
class RunPoints {
 public:
  explicit RunPoints(const MetricsFrame& frame)
      : frame_(frame), buckets_(make_time_buckets(frame.days())) {
    for (const DayRange& range : buckets_.ranges) dates_.push_back(frame.dates()[range.last]);
  }

  const std::vector<std::string>& dates() const { return dates_; }
  int days_per_point() const { return buckets_.days_per_bucket; }

  std::vector<double> points(std::string_view column, std::string_view market) const {
    return downsample(frame_.series(column, market), buckets_, aggregation_of(column));
  }
  std::vector<double> weighted_points(std::string_view column, std::string_view weight,
                                      std::string_view market) const {
    if (!frame_.has_column(weight)) return points(column, market);
    return downsample_weighted(frame_.series(column, market), frame_.series(weight, market),
                               buckets_);
  }

 private:
  const MetricsFrame& frame_;
  TimeBuckets buckets_;
  std::vector<std::string> dates_;
};

std::string period_name(int days) {
  if (days == 1) return "day";
  if (days == 7) return "week";
  return fmt::format("{} days", days);
}

std::string points_note(const MetricsFrame& frame, const RunPoints& points) {
  if (points.days_per_point() == 1) {
    return fmt::format("The run has {} days; every day is a point.", frame.days());
  }
  return fmt::format(
      "The run has {} days, so each point is a period of {} days ending on its date: flows (GMV) "
      "are the period's total, levels (penetration, active buyers, indices) its mean, and the "
      "counterfeit share and dispute rate are weighted by orders and settled orders. Only the "
      "first "
      "period may be shorter. docs/report.md gives the rule.",
      frame.days(), points.days_per_point());
}

std::string text_at(const nlohmann::ordered_json& json, std::initializer_list<const char*> path) {
  const nlohmann::ordered_json* node = &json;
  for (const char* key : path) {
    if (!node->is_object() || !node->contains(key)) return "";
    node = &(*node)[key];
  }
  return node->is_string() ? node->get<std::string>() : node->dump();
}

void add_header(ReportDocument& document, const RunFiles& files, const MetricsFrame& frame) {
  const auto& manifest = files.manifest;
  const std::string name = text_at(manifest, {"scenario", "run", "name"});
  document.title = fmt::format("mercator run report: {}",
                               name.empty() ? files.directory.filename().string() : name);
  const size_t market_count = frame.markets().size() - (frame.has_market(all_markets) ? 1 : 0);
  document.subtitle =
      fmt::format("{} to {}, {} market{}, seed {}", frame.dates().front(), frame.dates().back(),
                  market_count, market_count == 1 ? "" : "s", text_at(manifest, {"seed"}));
  const std::string buyers_per_agent =
      manifest.contains("buyers_per_agent")
          ? fact_value("buyers_per_agent", json(manifest["buyers_per_agent"]))
          : "";
  const std::vector<std::pair<std::string, std::string>> run_facts = {
      {"Run directory", files.directory.string()},
      {"Scenario", text_at(manifest, {"scenario_path"})},
      {"Seed", text_at(manifest, {"seed"})},
      {"Period", fmt::format("{} to {} ({} days)", frame.dates().front(), frame.dates().back(),
                             frame.days())},
      {"mercator version", text_at(manifest, {"mercator_version"})},
      {"Git commit", text_at(manifest, {"git_commit"})},
      {"Created (UTC)", text_at(manifest, {"created_utc"})},
      {"Buyers per agent", buyers_per_agent}};
  for (const auto& [label, value] : run_facts) {
    if (!value.empty()) document.facts.push_back({label, value});
  }
  if (!files.summary || !files.summary->contains("final")) return;
  for (const auto& [key, value] : (*files.summary)["final"].items()) {
    document.facts.push_back({fact_label(key), fact_value(key, value)});
  }
}

// One row per (point, market): the per-market series the charts draw.
std::string add_market_dataset(ReportDocument& document, const MetricsFrame& frame,
                               const RunPoints& points) {
  const std::vector<std::string> columns = {"penetration", "buyers_active", "gmv_usd"};
  json rows = json::array();
  for (const std::string& market : frame.markets()) {
    std::vector<std::pair<std::string, std::vector<double>>> values;
    for (const std::string& column : columns) {
      if (frame.has_column(column)) values.emplace_back(column, points.points(column, market));
    }
    for (size_t k = 0; k < points.dates().size(); ++k) {
      json row = {{"date", points.dates()[k]}, {"market", market}};
      for (const auto& [column, series] : values) row[column] = chart_value(series[k]);
      rows.push_back(std::move(row));
    }
  }
  return document.add_dataset("markets", std::move(rows));
}

void note_absent_column(Section& section, std::string_view column, std::string_view chart) {
  section.note(
      fmt::format("metrics.csv has no column '{}': the chart of {} is left out.", column, chart));
}

void add_adoption_section(ReportDocument& document, const MetricsFrame& frame,
                          const RunPoints& points, const std::string& dataset) {
  Section section{"Adoption"};
  section.note(points_note(frame, points));
  if (frame.has_column("penetration")) {
    section.chart({"Penetration by market",
                   "Share of the market's internet users active on at least one platform. Click a "
                   "market in the legend to highlight it.",
                   time_series_chart(dataset, "penetration", "market",
                                     {.y_title = "penetration",
                                      .y_format = ".0%",
                                      .color_title = "market",
                                      .except = {std::string(all_markets)},
                                      .series_count = frame.markets().size()})});
  } else {
    note_absent_column(section, "penetration", "penetration");
  }
  if (frame.has_column("buyers_active")) {
    section.chart({"Active buyers by market",
                   "Buyers active on at least one platform (people, scaled from agents), stacked: "
                   "the top of the stack is the whole run.",
                   time_series_chart(dataset, "buyers_active", "market",
                                     {.y_title = "active buyers",
                                      .y_format = "~s",
                                      .color_title = "market",
                                      .except = {std::string(all_markets)},
                                      .stacked_area = true,
                                      .series_count = frame.markets().size()})});
  } else {
    note_absent_column(section, "buyers_active", "active buyers");
  }
  document.sections.push_back(std::move(section));
}

// The markets (not ALL) with the most GMV over the whole run, most first.
std::vector<std::string> top_gmv_markets(const MetricsFrame& frame) {
  std::vector<std::pair<double, std::string>> totals;
  for (const std::string& market : frame.markets()) {
    if (market == all_markets) continue;
    const auto series = frame.series("gmv_usd", market);
    double total = 0;
    for (const double value : series) total += std::isnan(value) ? 0.0 : value;
    if (total > 0) totals.emplace_back(total, market);
  }
  std::stable_sort(totals.begin(), totals.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> top;
  for (size_t k = 0; k < std::min(top_gmv_market_count, totals.size()); ++k) {
    top.push_back(totals[k].second);
  }
  return top;
}

void add_gmv_section(ReportDocument& document, const MetricsFrame& frame, const RunPoints& points,
                     const std::string& dataset) {
  Section section{"GMV"};
  if (!frame.has_column("gmv_usd")) {
    note_absent_column(section, "gmv_usd", "GMV");
    document.sections.push_back(std::move(section));
    return;
  }
  std::vector<std::string> shown = top_gmv_markets(frame);
  if (shown.empty()) section.note("No market has any GMV in this run.");
  std::string listed;
  for (const std::string& market : shown) listed += (listed.empty() ? "" : ", ") + market;
  if (frame.has_market(all_markets)) shown.emplace_back(all_markets);
  const std::string period = period_name(points.days_per_point());
  section.chart(
      {fmt::format("GMV per {}: top markets and ALL", period),
       fmt::format(
           "Goods value of the orders placed per {} (US$). The markets with the most GMV over "
           "the run{}{}; ALL is the whole run.",
           period, listed.empty() ? "" : ": ", listed),
       time_series_chart(dataset, "gmv_usd", "market",
                         {.y_title = fmt::format("GMV per {} (US$)", period),
                          .y_format = "~s",
                          .color_title = "market",
                          .only = shown})});
  document.sections.push_back(std::move(section));
}

size_t table_column(const CsvTable& table, std::string_view name, const fs::path& file,
                    std::string_view expected_header =
                        "market,stage,start_day,start_date,end_day,end_date") {
  for (size_t column = 0; column < table.header.size(); ++column) {
    if (table.header[column] == name) return column;
  }
  throw CsvError(
      fmt::format("{}:1: no column '{}'; expected {}", file.string(), name, expected_header));
}

// The day after an ISO date: a period drawn to the end of its last day.
std::string day_after(const std::string& date, const fs::path& file, size_t row,
                      std::string_view column) {
  const std::optional<Date> parsed = Date::parse(date);
  if (!parsed) {
    throw CsvError(fmt::format("{}: row {}: {} '{}' is not a date; expected YYYY-MM-DD",
                               file.string(), row + 1, column, date));
  }
  return Date{parsed->days_since_epoch + 1}.iso();
}

void add_stage_section(ReportDocument& document, const RunFiles& files, const MetricsFrame& frame) {
  Section section{"Life-cycle stages"};
  if (!files.stages) {
    section.note(
        "This run directory has no stages.csv (it comes with stage detection; runs made "
        "before it have none): the stage timeline is left out.");
    document.sections.push_back(std::move(section));
    return;
  }
  const fs::path file = files.directory / "stages.csv";
  const CsvTable& stages = *files.stages;
  const size_t market = table_column(stages, "market", file);
  const size_t stage = table_column(stages, "stage", file);
  const size_t start = table_column(stages, "start_date", file);
  const size_t end = table_column(stages, "end_date", file);
  json rows = json::array();
  std::vector<std::string> markets;
  std::vector<std::string> stages_seen = stage_order;
  for (size_t k = 0; k < stages.rows.size(); ++k) {
    const auto& row = stages.rows[k];
    add_once(markets, row[market]);
    add_once(stages_seen, row[stage]);
    day_after(row[start], file, k, "start_date");  // checks the date
    // A period still open at the end of the run lasts to its last day.
    const std::string last_day = row[end].empty() ? frame.dates().back() : row[end];
    rows.push_back({{"market", row[market]},
                    {"stage", row[stage]},
                    {"start", row[start]},
                    {"end", day_after(last_day, file, k, "end_date")},
                    {"last_day", last_day}});
  }
  if (rows.empty()) {
    section.note("stages.csv lists no stage periods.");
  } else {
    section.chart({"Stage timeline by market",
                   "The ecosystem life-cycle stage of each market over time (exploration, "
                   "expansion, maturity, renewal, decline), from stages.csv.",
                   stage_timeline_chart(document.add_dataset("stages", std::move(rows)),
                                        stages_seen, markets)});
  }
  document.sections.push_back(std::move(section));
}

void add_quality_section(ReportDocument& document, const MetricsFrame& frame,
                         const RunPoints& points) {
  Section section{"Counterfeits and disputes"};
  const std::vector<std::array<std::string_view, 3>> measures = {
      {"counterfeit_share", "orders", "counterfeit share of orders"},
      {"dispute_rate", "settled_orders", "disputes per settled order"}};
  json rows = json::array();
  for (const auto& [column, weight, label] : measures) {
    if (!frame.has_column(column) || !frame.has_market(all_markets)) {
      note_absent_column(section, column, label);
      continue;
    }
    const std::vector<double> values = points.weighted_points(column, weight, all_markets);
    for (size_t k = 0; k < values.size(); ++k) {
      rows.push_back(
          {{"date", points.dates()[k]}, {"measure", label}, {"value", chart_value(values[k])}});
    }
  }
  if (!rows.empty()) {
    section.chart(
        {"Counterfeit share and dispute rate (ALL)",
         "The share of orders that were counterfeit, and disputes per settled order, over "
         "all markets.",
         time_series_chart(document.add_dataset("quality", std::move(rows)), "value", "measure",
                           {.y_title = "share", .y_format = ".1%", .color_title = "measure"})});
  }
  document.sections.push_back(std::move(section));
}

void add_index_section(ReportDocument& document, const MetricsFrame& frame,
                       const RunPoints& points) {
  Section section{"Ecosystem advantages and health"};
  json rows = json::array();
  std::string absent;
  std::vector<std::string> present;
  for (const std::string_view index : index_columns) {
    if (!frame.has_column(index) || !frame.has_market(all_markets)) {
      absent += fmt::format("{}{}", absent.empty() ? "" : ", ", index);
      continue;
    }
    present.emplace_back(index);
    const std::vector<double> values = points.points(index, all_markets);
    for (size_t k = 0; k < values.size(); ++k) {
      rows.push_back(
          {{"date", points.dates()[k]}, {"index", index}, {"value", chart_value(values[k])}});
    }
  }
  if (!rows.empty()) {
    section.chart({"Indices over time (ALL)",
                   "The ecosystem advantage indices (technology, relationship, innovation, "
                   "connectivity, interconnectivity, aggregation) and health indices "
                   "(productivity, robustness, niche creation, heterogeneity, embeddedness, "
                   "reciprocity) of the whole run, each on its own scale.",
                   small_multiples_chart(document.add_dataset("indices", std::move(rows)), "index",
                                         present, 3)});
  }
  if (!absent.empty()) {
    section.note(
        fmt::format("Not in this run's metrics.csv (runs made before the indices were "
                    "added have none): {}.",
                    absent));
  }
  document.sections.push_back(std::move(section));
}

// A calibration directory (mercator calibrate): each target's relative error
// at the fitted parameters, in and out of sample, and the figures themselves.
void add_calibration_section(ReportDocument& document, const RunFiles& files) {
  if (!files.targets_fit) return;
  const fs::path file = files.directory / "targets_fit.csv";
  const CsvTable& fits = *files.targets_fit;
  constexpr std::string_view header =
      "series,market,date,window_days,statistic,weight,observed,simulated,relative_error,in_sample";
  const size_t series = table_column(fits, "series", file, header);
  const size_t market = table_column(fits, "market", file, header);
  const size_t date = table_column(fits, "date", file, header);
  const size_t error = table_column(fits, "relative_error", file, header);
  const size_t in_sample = table_column(fits, "in_sample", file, header);
  Section section{"Calibration fit"};
  json rows = json::array();
  Table table{"Targets", fits.header};
  for (size_t k = 0; k < fits.rows.size(); ++k) {
    const auto& row = fits.rows[k];
    const std::optional<double> relative = parse_double(row[error]);
    if (!relative) {
      throw CsvError(fmt::format("{}:{}: relative_error '{}'; expected a number", file.string(),
                                 k + 2, row[error]));
    }
    rows.push_back({{"category", fmt::format("{} {} {}", row[series], row[market], row[date])},
                    {"group", row[in_sample] == "1" ? "in sample" : "held out"},
                    {"estimate", chart_value(*relative)},
                    {"low", nullptr},
                    {"high", nullptr}});
    table.rows.push_back(row);
  }
  section.chart({"Relative error per target",
                 "(simulated - observed) / |observed| at the fitted parameters, the simulated "
                 "figure being the mean over the calibration's replicates (targets_fit.csv).",
                 interval_bar_chart(document.add_dataset("calibration", std::move(rows)),
                                    "target", "sample", "relative error", fits.rows.size(), 1)});
  section.table(std::move(table));
  document.sections.push_back(std::move(section));
}

void add_events_section(ReportDocument& document, const RunFiles& files) {
  Section section{"Events"};
  if (!files.events) {
    section.note("This run directory has no events.csv.");
    document.sections.push_back(std::move(section));
    return;
  }
  Table table{"Events", files.events->header};
  const auto& rows = files.events->rows;
  for (size_t k = 0; k < std::min(rows.size(), most_event_rows); ++k) table.rows.push_back(rows[k]);
  if (rows.size() > most_event_rows) {
    table.note = fmt::format("The first {} of {} events; events.csv has them all.", most_event_rows,
                             rows.size());
  }
  if (rows.empty()) table.note = "events.csv lists no events.";
  section.table(std::move(table));
  document.sections.push_back(std::move(section));
}

}  // namespace

ReportDocument build_run_report(const fs::path& run_directory) {
  const RunFiles files = read_run_files(run_directory);
  const MetricsFrame frame = read_metrics_frame(files.metrics_csv, wanted_columns());
  const RunPoints points(frame);
  ReportDocument document;
  add_header(document, files, frame);
  const std::string markets = add_market_dataset(document, frame, points);
  add_adoption_section(document, frame, points, markets);
  add_gmv_section(document, frame, points, markets);
  add_stage_section(document, files, frame);
  add_quality_section(document, frame, points);
  add_index_section(document, frame, points);
  add_calibration_section(document, files);
  add_events_section(document, files);
  return document;
}

}  // namespace mercator::report
