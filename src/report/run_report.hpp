#pragma once
// The report of one run directory: a header (scenario, seed, dates, commit,
// the final figures of summary.json), then adoption per market, GMV of the
// top markets, the life-cycle stage timeline, counterfeit share and dispute
// rate, the ecosystem advantage and health indices, and the events table.
// Daily series are drawn one point per period (report/downsampling.hpp).
#include <filesystem>

#include "report/report_document.hpp"

namespace mercator::report {

// Throws InputError (with the file and what was expected) when the
// directory is not a complete run: no manifest.json or metrics.csv, or a
// malformed file.
ReportDocument build_run_report(const std::filesystem::path& run_directory);

}  // namespace mercator::report
