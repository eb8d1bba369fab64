#include "report/run_files.hpp"

#include <fmt/format.h>

#include <fstream>

namespace mercator::report {
namespace {

namespace fs = std::filesystem;

nlohmann::ordered_json read_json(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream)
    throw InputError(fmt::format("{}: cannot open; expected a readable JSON file", file.string()));
  try {
    return nlohmann::ordered_json::parse(stream);
  } catch (const nlohmann::json::parse_error& error) {
    throw InputError(fmt::format("{}: not valid JSON ({}); expected the JSON file a run writes",
                                 file.string(), error.what()));
  }
}

template <typename Read>
auto read_if_present(const fs::path& file, Read read) -> std::optional<decltype(read(file))> {
  if (!fs::exists(file)) return std::nullopt;
  return read(file);
}

}  // namespace

RunFiles read_run_files(const fs::path& directory) {
  RunFiles files;
  files.directory = directory;
  files.manifest = read_json(directory / "manifest.json");
  if (!files.manifest.is_object()) {
    throw InputError(fmt::format("{}: not a JSON object; expected a run's manifest",
                                 (directory / "manifest.json").string()));
  }
  files.metrics_csv = directory / "metrics.csv";
  if (!fs::is_regular_file(files.metrics_csv)) {
    throw InputError(fmt::format(
        "{}: missing; expected the run's daily metrics (a run directory as mercator run writes it)",
        files.metrics_csv.string()));
  }
  files.summary = read_if_present(directory / "summary.json", read_json);
  files.events = read_if_present(directory / "events.csv", read_csv_table);
  files.stages = read_if_present(directory / "stages.csv", read_csv_table);
  files.targets_fit = read_if_present(directory / "targets_fit.csv", read_csv_table);
  return files;
}

}  // namespace mercator::report
