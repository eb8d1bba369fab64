#pragma once
// The report of an experiment database: per experiment, its runs and their
// parameters (a table, and for each parameter that varies a scatter of the
// outcomes against it), attribution bars with 95% intervals per outcome and
// method, first-order and total Sobol indices with their intervals per
// outcome, and the stored series as a mean over replicates with its 95%
// interval. Empty tables are said to be empty.
#include <filesystem>

#include "report/report_document.hpp"

namespace mercator::report {

// Throws InputError when the file is not an experiment database.
ReportDocument build_database_report(const std::filesystem::path& database);

}  // namespace mercator::report
