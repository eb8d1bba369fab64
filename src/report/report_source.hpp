#pragma once
// What `mercator report` was given: a run directory (it holds
// manifest.json) or an experiment database (an SQLite file), and where its
// report goes by default.
#include <filesystem>

namespace mercator::report {

enum class ReportSourceKind { run_directory, experiment_database };

struct ReportSource {
  ReportSourceKind kind;
  std::filesystem::path path;
};

// Throws InputError naming the path and what was expected when it is
// neither (missing, a directory without manifest.json, another file).
ReportSource identify_report_source(const std::filesystem::path& input);

// RUN_DIR/report.html, or the database's path with .html for its extension.
std::filesystem::path default_report_path(const ReportSource& source);

}  // namespace mercator::report
