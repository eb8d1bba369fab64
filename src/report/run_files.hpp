#pragma once
// The files of a run directory that a report reads: manifest.json and
// metrics.csv must be there; summary.json, events.csv, stages.csv and a
// calibration's targets_fit.csv are shown when present (stages.csv comes with stage detection; older runs
// have none).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "report/csv_reader.hpp"

namespace mercator::report {

struct RunFiles {
  std::filesystem::path directory;
  nlohmann::ordered_json manifest;
  std::optional<nlohmann::ordered_json> summary;
  std::filesystem::path metrics_csv;
  std::optional<CsvTable> events;
  std::optional<CsvTable> stages;
  std::optional<CsvTable> targets_fit;  // a calibration directory's fit (mercator calibrate)
};

// Throws InputError naming the file and what was expected when a required
// file is missing or a file is malformed (JSON that does not parse, CSV
// errors with their line).
RunFiles read_run_files(const std::filesystem::path& directory);

}  // namespace mercator::report
