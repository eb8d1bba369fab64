#pragma once
// `mercator report` without the command line: identify the input, build its
// report, render the page and write it atomically.
#include <cstddef>
#include <filesystem>

#include "report/report_document.hpp"
#include "report/report_source.hpp"

namespace mercator::report {

struct WrittenReport {
  std::filesystem::path path;
  size_t chart_count = 0;
  size_t bytes = 0;
};

ReportDocument build_report(const ReportSource& source);

// Writes the report of input (a run directory or an experiment database)
// to out, or to its default path when out is empty. Throws InputError for
// bad input, with nothing written.
WrittenReport write_report(const std::filesystem::path& input, const std::filesystem::path& out);

}  // namespace mercator::report
