// `mercator report`: one self-contained HTML report of a run directory or an
// experiment database, with its charts, that opens offline.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "report/report_writer.hpp"

namespace mercator {
namespace {

struct ReportOptions {
  std::string input;
  std::string out;
};

int report_command(const ReportOptions& options) {
  const report::WrittenReport written = report::write_report(options.input, options.out);
  std::cout << fmt::format("report: {} ({} charts, {:.1f} MB)\n", written.path.string(),
                           written.chart_count, static_cast<double>(written.bytes) / 1e6);
  return exit_success;
}

}  // namespace

Subcommand add_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand(
      "report",
      "Write an offline HTML report with charts of a run directory or an experiment database");
  report
      ->add_option("input", options->input,
                   "Run directory (with manifest.json) or experiment database (SQLite)")
      ->required();
  report
      ->add_option("--out", options->out,
                   "Report file (default: RUN_DIR/report.html, or the database's path with .html)")
      ->type_name("FILE.html");
  return {report, [options] { return report_command(*options); }};
}

}  // namespace mercator
