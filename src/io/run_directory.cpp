#include "io/run_directory.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#ifndef MERCATOR_VERSION
#define MERCATOR_VERSION "unknown"
#endif
#include "mercator_git_commit.hpp"  // generated at build time: MERCATOR_GIT_COMMIT

namespace mercator {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view manifest_name = "manifest.json";

// "runs/x/" names the directory "runs/x".
fs::path directory_path(const fs::path& out) {
  const fs::path normal = out.lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

fs::path sibling(const fs::path& out, std::string_view suffix) {
  return out.parent_path() / (out.filename().string() + std::string(suffix));
}

std::string process_suffix(std::string_view what) {
  return fmt::format(".{}-{}", what, ::getpid());
}

void write_file(const fs::path& file, std::string_view content) {
  std::ofstream stream(file, std::ios::binary);
  if (!stream) throw std::runtime_error(fmt::format("cannot create {}", file.string()));
  stream.write(content.data(), static_cast<std::streamsize>(content.size()));
  stream.close();
  if (!stream) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
}

// The new run takes out's place; a finished run there goes only once it has.
void move_into_place(const fs::path& partial, const fs::path& out) {
  if (!fs::exists(out)) {
    fs::rename(partial, out);
    return;
  }
  const fs::path previous = sibling(out, process_suffix("old"));
  fs::remove_all(previous);
  fs::rename(out, previous);
  try {
    fs::rename(partial, out);
  } catch (...) {
    std::error_code ignored;
    fs::rename(previous, out, ignored);
    throw;
  }
  fs::remove_all(previous);
}

}  // namespace

std::string utc_timestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void check_run_directory_target(const fs::path& out_argument) {
  const fs::path out = directory_path(out_argument);
  std::error_code error;
  const fs::file_status status = fs::status(out, error);
  if (!fs::exists(status)) return;
  const bool is_run =
      fs::is_directory(status) && (fs::exists(out / manifest_name) || fs::is_empty(out, error));
  if (!is_run) {
    throw RunDirectoryError(
        fmt::format("{} exists and is not a run directory (no {}); refusing to replace it",
                    out.string(), manifest_name));
  }
}

void publish_directory(const fs::path& out_argument,
                       const std::function<void(const fs::path&)>& fill) {
  const fs::path out = directory_path(out_argument);
  check_run_directory_target(out);
  if (out.has_parent_path()) fs::create_directories(out.parent_path());
  const fs::path partial = sibling(out, process_suffix("partial"));
  try {
    fs::remove_all(partial);  // left by an earlier process with the same id
    fs::create_directory(partial);
    fill(partial);
    move_into_place(partial, out);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    throw;
  }
}

void write_run_directory(const fs::path& out, const RunManifest& manifest,
                         const RunResults& results) {
  publish_directory(
      out, [&](const fs::path& directory) { write_run_files(directory, manifest, results); });
}

void write_run_files(const fs::path& directory, const RunManifest& manifest,
                     const RunResults& results) {
  write_metrics_csv(directory / "metrics.csv", results.metrics);
  write_events_csv(directory / "events.csv", results.events);
  write_stages_csv(directory / "stages.csv", results.stages, results.metrics.day_dates);
  write_summary_json(directory / "summary.json", results.summary_json);
  // Last: a directory with a manifest is a finished run.
  write_manifest(directory / manifest_name, manifest, results);
}

void write_manifest(const fs::path& file, const RunManifest& manifest, const RunResults& results) {
  nlohmann::ordered_json json;
  json["mercator_version"] = MERCATOR_VERSION;
  json["git_commit"] = MERCATOR_GIT_COMMIT;
  json["created_utc"] = utc_timestamp();
  json["scenario_path"] = manifest.scenario_path;
  json["seed"] = manifest.seed;
  json["threads"] = manifest.threads;
  json["buyers_per_agent"] = results.buyers_per_agent;
  json["sellers_per_agent"] = results.sellers_per_agent;
  json["timings"] = {{"setup_seconds", results.timings.setup_seconds},
                     {"simulate_seconds", results.timings.simulate_seconds}};
  json["scenario"] = manifest.resolved_scenario_json.empty()
                         ? nlohmann::ordered_json()
                         : nlohmann::ordered_json::parse(manifest.resolved_scenario_json);
  write_file(file, json.dump(2) + "\n");
}

void write_metrics_csv(const fs::path& file, const MetricsTable& metrics) {
  fmt::memory_buffer csv;
  fmt::format_to(std::back_inserter(csv), "day,date,market");
  for (const std::string& series : metrics.series_names) {
    fmt::format_to(std::back_inserter(csv), ",{}", csv_field(series));
  }
  csv.push_back('\n');
  const size_t series_count = metrics.series_names.size();
  for (size_t row = 0; row < metrics.row_count(); ++row) {
    const int32_t day = metrics.row_day[row];
    const bool dated = day >= 0 && static_cast<size_t>(day) < metrics.day_dates.size();
    const std::string_view date =
        dated ? std::string_view(metrics.day_dates[day]) : std::string_view();
    fmt::format_to(std::back_inserter(csv), "{},{},{}", day, date,
                   csv_field(metrics.market_codes.at(metrics.row_market[row])));
    for (size_t series = 0; series < series_count; ++series) {
      fmt::format_to(std::back_inserter(csv), ",{}", metrics.value(row, series));
    }
    csv.push_back('\n');
  }
  write_file(file, std::string_view(csv.data(), csv.size()));
}

void write_events_csv(const fs::path& file, const std::vector<EventRecord>& events) {
  std::string csv = "day,date,market,platform,type,detail\n";
  for (const EventRecord& event : events) {
    csv += fmt::format("{},{},{},{},{},{}\n", event.day, csv_field(event.date),
                       csv_field(event.market), csv_field(event.platform), csv_field(event.type),
                       csv_field(event.detail));
  }
  write_file(file, csv);
}

void write_stages_csv(const fs::path& file, const std::vector<StagePeriod>& stages,
                      const std::vector<std::string>& day_dates) {
  const auto date_of = [&](int32_t day) {
    return day >= 0 && static_cast<size_t>(day) < day_dates.size() ? day_dates[day] : std::string();
  };
  std::string csv = "market,stage,start_day,start_date,end_day,end_date\n";
  for (const StagePeriod& period : stages) {
    csv += fmt::format("{},{},{},{},{},{}\n", csv_field(period.market), csv_field(period.stage),
                       period.start_day, date_of(period.start_day), period.end_day,
                       date_of(period.end_day));
  }
  write_file(file, csv);
}

void write_summary_json(const fs::path& file, const std::string& summary_json) {
  const nlohmann::ordered_json summary = summary_json.empty()
                                             ? nlohmann::ordered_json::object()
                                             : nlohmann::ordered_json::parse(summary_json);
  write_file(file, summary.dump(2) + "\n");
}

}  // namespace mercator
