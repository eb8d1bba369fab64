#include "report/database_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "analysis/confidence_interval.hpp"
#include "core/number_text.hpp"
#include "report/chart_specs.hpp"
#include "report/downsampling.hpp"
#include "report/experiment_contents.hpp"

namespace mercator::report {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr size_t most_run_rows = 1000;
constexpr size_t most_scatter_outcomes = 12;
constexpr size_t most_series_points = 10;
constexpr size_t most_series_charts = 12;
// Summary metrics of this block are the outcomes a scatter shows by default.
constexpr std::string_view outcome_prefix = "final.";

bool parses_as_number(const std::string& text, double& value) {
  const std::optional<double> parsed = parse_double(text);
  if (parsed) value = *parsed;
  return parsed.has_value();
}

template <typename Item>
void add_once(std::vector<Item>& items, const Item& item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// Parameters whose value differs between runs, in key order.
std::vector<std::string> swept_parameters(const StoredExperiment& experiment) {
  std::map<std::string, std::set<std::string>> values;
  for (const StoredRun& run : experiment.runs) {
    for (const auto& [key, value] : run.parameters) values[key].insert(value);
  }
  std::vector<std::string> swept;
  for (const auto& [key, distinct] : values) {
    if (distinct.size() > 1) swept.push_back(key);
  }
  return swept;
}

bool varies(const StoredExperiment& experiment, const std::string& outcome) {
  std::set<double> values;
  for (const StoredRun& run : experiment.runs) {
    const auto found = run.metrics.find(outcome);
    if (found != run.metrics.end() && std::isfinite(found->second)) values.insert(found->second);
  }
  return values.size() > 1;
}

// The outcomes the user asked to explain (attribution, sensitivity) first,
// then the summary's final figures; only those that differ between runs.
std::vector<std::string> scatter_outcomes(const StoredExperiment& experiment) {
  std::vector<std::string> candidates;
  for (const AttributionRow& row : experiment.attribution) add_once(candidates, row.outcome);
  for (const SensitivityRow& row : experiment.sensitivity) add_once(candidates, row.outcome);
  for (const StoredRun& run : experiment.runs) {
    for (const auto& [name, value] : run.metrics) {
      if (name.rfind(outcome_prefix, 0) == 0) add_once(candidates, name);
    }
  }
  std::vector<std::string> outcomes;
  for (const std::string& outcome : candidates) {
    if (outcomes.size() < most_scatter_outcomes && varies(experiment, outcome))
      outcomes.push_back(outcome);
  }
  return outcomes;
}

json metric_cell(const StoredRun& run, const std::string& name) {
  const auto found = run.metrics.find(name);
  return found == run.metrics.end() ? json(nullptr) : chart_value(found->second);
}

Table runs_table(const StoredExperiment& experiment, const std::vector<std::string>& parameters,
                 const std::vector<std::string>& outcomes) {
  Table table;
  table.title = "Runs";
  table.columns = {"run", "point", "replicate", "seed", "seconds"};
  for (const std::string& key : parameters) table.columns.push_back(key);
  for (const std::string& outcome : outcomes) table.columns.push_back(outcome);
  for (size_t k = 0; k < std::min(experiment.runs.size(), most_run_rows); ++k) {
    const StoredRun& run = experiment.runs[k];
    json row = {run.run_id, run.point, run.replicate, run.seed, chart_value(run.seconds)};
    for (const std::string& key : parameters) {
      const auto found = run.parameters.find(key);
      double number = 0;
      if (found == run.parameters.end()) {
        row.push_back(nullptr);
      } else if (parses_as_number(found->second, number)) {
        row.push_back(chart_value(number));  // 0.0032500000000000003 reads as 0.00325
      } else {
        row.push_back(found->second);
      }
    }
    for (const std::string& outcome : outcomes) row.push_back(metric_cell(run, outcome));
    table.rows.push_back(std::move(row));
  }
  if (experiment.runs.size() > most_run_rows) {
    table.note = fmt::format("The first {} of {} runs; the database has them all.", most_run_rows,
                             experiment.runs.size());
  }
  return table;
}

void add_scatter_charts(ReportDocument& document, Section& section,
                        const StoredExperiment& experiment, const std::vector<std::string>& swept,
                        const std::vector<std::string>& outcomes) {
  if (swept.empty()) {
    section.note("No parameter differs between the runs, so there are no outcome scatters.");
    return;
  }
  if (outcomes.empty()) {
    section.note("No summary outcome differs between the runs, so there are no outcome scatters.");
    return;
  }
  for (const std::string& parameter : swept) {
    bool numeric = true;
    for (const StoredRun& run : experiment.runs) {
      double value = 0;
      const auto found = run.parameters.find(parameter);
      if (found != run.parameters.end() && !parses_as_number(found->second, value)) numeric = false;
    }
    json rows = json::array();
    for (const StoredRun& run : experiment.runs) {
      const auto found = run.parameters.find(parameter);
      if (found == run.parameters.end()) continue;
      double number = 0;
      const json x =
          numeric && parses_as_number(found->second, number) ? json(number) : json(found->second);
      for (const std::string& outcome : outcomes) {
        const json value = metric_cell(run, outcome);
        if (value.is_null()) continue;
        rows.push_back({{"x", x},
                        {"outcome", outcome},
                        {"value", value},
                        {"run_id", run.run_id},
                        {"point", run.point},
                        {"replicate", run.replicate}});
      }
    }
    if (rows.empty()) continue;
    section.chart({fmt::format("Outcomes against {}", parameter),
                   "Each point is one run: a summary outcome (each panel on its own scale) against "
                   "the parameter's value.",
                   outcome_scatter_chart(document.add_dataset("scatter", std::move(rows)),
                                         parameter, numeric, 3)});
  }
}

void add_attribution(ReportDocument& document, Section& section,
                     const StoredExperiment& experiment) {
  if (experiment.attribution.empty()) {
    section.note("No attribution results for this experiment.");
    return;
  }
  std::vector<std::string> outcomes;
  for (const AttributionRow& row : experiment.attribution) add_once(outcomes, row.outcome);
  for (const std::string& outcome : outcomes) {
    json rows = json::array();
    std::vector<std::string> mechanisms;
    std::vector<std::string> methods;
    for (const AttributionRow& row : experiment.attribution) {
      if (row.outcome != outcome || !std::isfinite(row.estimate)) continue;
      add_once(mechanisms, row.mechanism);
      add_once(methods, row.method);
      rows.push_back({{"category", row.mechanism},
                      {"group", row.method},
                      {"estimate", chart_value(row.estimate)},
                      {"low", chart_value(row.ci_low)},
                      {"high", chart_value(row.ci_high)}});
    }
    if (rows.empty()) {
      section.note(fmt::format("Attribution of {}: no finite estimate.", outcome));
      continue;
    }
    section.chart(
        {fmt::format("Attribution of {}", outcome),
         "Each mechanism's contribution to the outcome by method, with its 95% confidence "
         "interval over replications.",
         interval_bar_chart(document.add_dataset("attribution", std::move(rows)), "mechanism",
                            "method", outcome, mechanisms.size(), methods.size())});
  }
  Table table;
  table.title = "Attribution";
  table.columns = {"outcome", "mechanism", "method",      "estimate",
                   "ci_low",  "ci_high",   "replications"};
  for (const AttributionRow& row : experiment.attribution) {
    table.rows.push_back({row.outcome, row.mechanism, row.method, chart_value(row.estimate),
                          chart_value(row.ci_low), chart_value(row.ci_high), row.replications});
  }
  section.table(std::move(table));
}

void add_sensitivity(ReportDocument& document, Section& section,
                     const StoredExperiment& experiment) {
  if (experiment.sensitivity.empty()) {
    section.note("No sensitivity results for this experiment.");
    return;
  }
  std::vector<std::string> outcomes;
  for (const SensitivityRow& row : experiment.sensitivity) add_once(outcomes, row.outcome);
  for (const std::string& outcome : outcomes) {
    json rows = json::array();
    std::vector<std::string> parameters;
    for (const SensitivityRow& row : experiment.sensitivity) {
      if (row.outcome != outcome) continue;
      add_once(parameters, row.parameter);
      const std::pair<const char*, std::pair<double, double>> indices[] = {
          {"first-order", {row.first_order, row.first_order_ci}},
          {"total", {row.total, row.total_ci}}};
      for (const auto& [name, index] : indices) {
        const auto [estimate, half_width] = index;
        if (!std::isfinite(estimate)) continue;
        rows.push_back({{"category", row.parameter},
                        {"group", name},
                        {"estimate", chart_value(estimate)},
                        {"low", chart_value(estimate - half_width)},
                        {"high", chart_value(estimate + half_width)}});
      }
    }
    if (rows.empty()) {
      section.note(fmt::format("Sensitivity of {}: no finite index.", outcome));
      continue;
    }
    section.chart({fmt::format("Sobol indices of {}", outcome),
                   "First-order and total Sobol indices of each parameter, with their 95% "
                   "confidence intervals.",
                   interval_bar_chart(document.add_dataset("sensitivity", std::move(rows)),
                                      "parameter", "index", "Sobol index", parameters.size(), 2)});
  }
  Table table;
  table.title = "Sensitivity";
  table.columns = {"outcome", "parameter", "first_order", "first_order_ci",
                   "total",   "total_ci",  "samples"};
  for (const SensitivityRow& row : experiment.sensitivity) {
    table.rows.push_back({row.outcome, row.parameter, chart_value(row.first_order),
                          chart_value(row.first_order_ci), chart_value(row.total),
                          chart_value(row.total_ci), row.samples});
  }
  section.table(std::move(table));
}

// "point 2 (buyers.ad_reach_per_day=0.004)": a design point by its swept values.
std::string point_label(const StoredExperiment& experiment, int64_t point,
                        const std::vector<std::string>& swept) {
  std::vector<std::string> values;
  for (const StoredRun& run : experiment.runs) {
    if (run.point != point) continue;
    for (const std::string& key : swept) {
      const auto found = run.parameters.find(key);
      if (found != run.parameters.end()) values.push_back(key + "=" + found->second);
    }
    break;
  }
  return values.empty() ? fmt::format("point {}", point)
                        : fmt::format("point {} ({})", point, joined(values));
}

json series_rows(const StoredExperiment& experiment, const StoredSeries& series,
                 const std::vector<std::string>& swept, size_t& points_left_out) {
  const int days = static_cast<int>(series.dates.size());
  const TimeBuckets buckets = make_time_buckets(days);
  const Aggregation aggregation = aggregation_of(series.name);
  json rows = json::array();
  size_t drawn = 0;
  for (const auto& [point, replicates] : series.values) {
    if (drawn++ == most_series_points) {
      points_left_out = series.values.size() - most_series_points;
      break;
    }
    // Each replicate summed or averaged over the period first, then the
    // replicates' mean and its interval.
    std::vector<std::vector<double>> per_replicate;
    for (const auto& [replicate, daily] : replicates) {
      std::vector<double> padded = daily;
      padded.resize(static_cast<size_t>(days), std::nan(""));
      per_replicate.push_back(downsample(padded, buckets, aggregation));
    }
    const std::string label = point_label(experiment, point, swept);
    for (size_t k = 0; k < buckets.ranges.size(); ++k) {
      std::vector<double> values;
      for (const auto& replicate : per_replicate) {
        if (std::isfinite(replicate[k])) values.push_back(replicate[k]);
      }
      if (values.empty()) continue;
      const MeanEstimate estimate = mean_with_ci95(values);
      rows.push_back({{"date", series.dates[static_cast<size_t>(buckets.ranges[k].last)]},
                      {"group", label},
                      {"mean", chart_value(estimate.mean)},
                      {"low", chart_value(estimate.low())},
                      {"high", chart_value(estimate.high())}});
    }
  }
  return rows;
}

void add_series(ReportDocument& document, Section& section, const StoredExperiment& experiment,
                const std::vector<std::string>& swept) {
  if (experiment.series.empty()) {
    section.note("No series stored for this experiment (run_series).");
    return;
  }
  for (size_t k = 0; k < std::min(experiment.series.size(), most_series_charts); ++k) {
    const StoredSeries& series = experiment.series[k];
    size_t points_left_out = 0;
    json rows = series_rows(experiment, series, swept, points_left_out);
    if (rows.empty()) continue;
    const int per_point = days_per_bucket(static_cast<int>(series.dates.size()));
    std::string description = fmt::format(
        "The mean over replicates of each design point, with its 95% confidence interval as a "
        "band (none with a single replicate). {}",
        per_point == 1
            ? std::string("One point per day.")
            : fmt::format("One point per {} days ({} over the period per replicate first).",
                          per_point,
                          aggregation_of(series.name) == Aggregation::sum ? "summed" : "averaged"));
    if (points_left_out > 0) {
      description += fmt::format(" The first {} design points are drawn; {} more are left out.",
                                 most_series_points, points_left_out);
    }
    section.chart({fmt::format("{} ({})", series.name, series.market), description,
                   mean_band_chart(document.add_dataset("series", std::move(rows)), series.name,
                                   "design point")});
  }
  if (experiment.series.size() > most_series_charts) {
    section.note(fmt::format("The first {} of {} stored series are drawn.", most_series_charts,
                             experiment.series.size()));
  }
}

std::string pretty_spec(const std::string& spec_json) {
  const json spec = json::parse(spec_json, nullptr, false);
  return spec.is_discarded() ? spec_json : spec.dump(2);
}

Section experiment_section(ReportDocument& document, const StoredExperiment& experiment) {
  Section section;
  section.title = fmt::format("{} ({})", experiment.name, experiment.kind);
  section.note(fmt::format("Scenario {}; created {} by mercator at commit {}; {} runs.",
                           experiment.scenario_path, experiment.created_utc, experiment.git_commit,
                           experiment.runs.size()));
  if (!experiment.spec_json.empty()) {
    section.code("Specification (spec_json: everything that decides the runs)",
                 pretty_spec(experiment.spec_json));
  }
  const std::vector<std::string> swept = swept_parameters(experiment);
  if (experiment.runs.empty()) {
    section.note("No runs are stored for this experiment yet.");
  } else {
    std::vector<std::string> parameters;
    for (const StoredRun& run : experiment.runs) {
      for (const auto& [key, value] : run.parameters) add_once(parameters, key);
    }
    std::sort(parameters.begin(), parameters.end());
    const std::vector<std::string> outcomes = scatter_outcomes(experiment);
    section.table(runs_table(experiment, parameters, outcomes));
    add_scatter_charts(document, section, experiment, swept, outcomes);
  }
  add_attribution(document, section, experiment);
  add_sensitivity(document, section, experiment);
  add_series(document, section, experiment, swept);
  return section;
}

}  // namespace

ReportDocument build_database_report(const fs::path& database) {
  const std::vector<StoredExperiment> experiments = read_experiment_contents(database);
  ReportDocument document;
  document.title = fmt::format("mercator experiment report: {}", database.filename().string());
  size_t run_count = 0;
  std::vector<std::string> commits;
  for (const StoredExperiment& experiment : experiments) {
    run_count += experiment.runs.size();
    add_once(commits, experiment.git_commit);
  }
  document.subtitle = fmt::format("{} experiments, {} runs", experiments.size(), run_count);
  document.facts = {{"Database", database.string()},
                    {"Experiments", std::to_string(experiments.size())},
                    {"Runs", std::to_string(run_count)}};
  if (!commits.empty()) document.facts.push_back({"Git commits", joined(commits)});
  if (experiments.empty()) {
    Section empty;
    empty.title = "Experiments";
    empty.note("The database holds no experiments yet.");
    document.sections.push_back(std::move(empty));
  }
  for (const StoredExperiment& experiment : experiments) {
    document.sections.push_back(experiment_section(document, experiment));
  }
  return document;
}

}  // namespace mercator::report
