#include "report/report_source.hpp"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <string_view>

#include "core/input_error.hpp"

namespace mercator::report {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view expected_input =
    "expected a run directory (with manifest.json, as mercator run writes it) or an experiment "
    "database (SQLite)";

// Every SQLite 3 database file begins with this header string.
bool starts_like_sqlite(const fs::path& file) {
  constexpr std::string_view magic{"SQLite format 3\0", 16};
  std::array<char, 16> head{};
  std::ifstream stream(file, std::ios::binary);
  if (!stream.read(head.data(), head.size())) return false;
  return std::string_view(head.data(), head.size()) == magic;
}

}  // namespace

ReportSource identify_report_source(const fs::path& input) {
  std::error_code error;
  const fs::file_status status = fs::status(input, error);
  if (!fs::exists(status)) {
    throw InputError(
        fmt::format("{}: no such file or directory; {}", input.string(), expected_input));
  }
  if (fs::is_directory(status)) {
    if (fs::exists(input / "manifest.json")) return {ReportSourceKind::run_directory, input};
    throw InputError(
        fmt::format("{}: a directory without manifest.json; {}", input.string(), expected_input));
  }
  if (fs::is_regular_file(status) && starts_like_sqlite(input)) {
    return {ReportSourceKind::experiment_database, input};
  }
  throw InputError(fmt::format("{}: neither a run directory nor an SQLite database; {}",
                               input.string(), expected_input));
}

fs::path default_report_path(const ReportSource& source) {
  if (source.kind == ReportSourceKind::run_directory) return source.path / "report.html";
  fs::path report = source.path;
  report.replace_extension(".html");
  return report;
}

}  // namespace mercator::report
