#include "report/report_writer.hpp"

#include "report/atomic_file.hpp"
#include "report/database_report.hpp"
#include "report/html_page.hpp"
#include "report/run_report.hpp"

namespace mercator::report {

ReportDocument build_report(const ReportSource& source) {
  if (source.kind == ReportSourceKind::run_directory) return build_run_report(source.path);
  return build_database_report(source.path);
}

WrittenReport write_report(const std::filesystem::path& input, const std::filesystem::path& out) {
  const ReportSource source = identify_report_source(input);
  const std::filesystem::path path = out.empty() ? default_report_path(source) : out;
  const ReportDocument document = build_report(source);
  const std::string page = render_report_page(document);
  write_file_atomically(path, page);
  return {path, document.chart_count(), page.size()};
}

}  // namespace mercator::report
