#pragma once
// A run's output directory: manifest.json, metrics.csv, events.csv,
// stages.csv and summary.json, written into a temporary sibling and renamed into place only
// when complete, so a failed or interrupted run leaves nothing half-written.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/input_error.hpp"
#include "metrics/run_results.hpp"

namespace mercator {

// The output path cannot take a run (it holds something that is not one).
struct RunDirectoryError : InputError {
  using InputError::InputError;
};

// What the manifest records besides the results.
struct RunManifest {
  std::string scenario_path;
  std::string resolved_scenario_json;  // Scenario::resolved_json
  int64_t seed = 0;
  unsigned threads = 1;
};

// Throws RunDirectoryError unless out is absent, an empty directory or a
// finished run (has manifest.json), which a new run may replace. Checked
// before a run starts, so that a long run is not lost at the end.
void check_run_directory_target(const std::filesystem::path& out);

// Creates <out>.partial-<pid>, lets fill write into it, then renames it to
// out (replacing a finished run there). On any exception the partial
// directory is removed and the exception passes on; out is untouched.
void publish_directory(const std::filesystem::path& out,
                       const std::function<void(const std::filesystem::path&)>& fill);

void write_run_directory(const std::filesystem::path& out, const RunManifest& manifest,
                         const RunResults& results);

// Every file of a run, written into an existing directory (for a fill
// function of publish_directory that adds files of its own).
void write_run_files(const std::filesystem::path& directory, const RunManifest& manifest,
                     const RunResults& results);

// The single files. Numbers are written in their shortest round-trip form,
// so the same run gives byte-identical files.
void write_manifest(const std::filesystem::path& file, const RunManifest& manifest,
                    const RunResults& results);
void write_metrics_csv(const std::filesystem::path& file, const MetricsTable& metrics);
void write_events_csv(const std::filesystem::path& file, const std::vector<EventRecord>& events);
// One row per stage period: market,stage,start_day,start_date,end_day,end_date.
void write_stages_csv(const std::filesystem::path& file, const std::vector<StagePeriod>& stages,
                      const std::vector<std::string>& day_dates);
void write_summary_json(const std::filesystem::path& file, const std::string& summary_json);

// The current time, UTC, as 2026-01-31T12:00:00Z: when an output was made.
std::string utc_timestamp();

// A CSV field, quoted per RFC 4180 when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);

}  // namespace mercator
