// `mercator report` end to end: a report for a run directory and for an
// experiment database at their default paths, and exit code 2 with a clear
// message and nothing written for every kind of bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "command_runner.hpp"
#include "report/fixture_database.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

using Outcome = test_support::CommandResult;

Outcome mercator(const std::string& arguments) { return test_support::run_mercator(arguments); }

nlohmann::json page_data(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const size_t start = page.find(open);
  if (start == std::string::npos) return nullptr;
  const size_t begin = start + open.size();
  return nlohmann::json::parse(page.substr(begin, page.find("</script>", begin) - begin));
}

class ReportCommandTest : public TempDirectoryTest {
 protected:
  ReportCommandTest() : TempDirectoryTest("report-command") {}

  fs::path make_run() {
    const fs::path run = directory_ / "run";
    const Outcome made = mercator(
        "run tests/scenarios/bass.toml --quiet --set 'run.end_date=\"2010-03-31\"' --out " +
        run.string());
    EXPECT_EQ(made.exit_code, 0) << made.output;
    return run;
  }

  // Runs the command, expects exit code 2 with the message, and nothing new
  // in the directory.
  void expect_refused(const std::string& arguments, const std::string& message) {
    const size_t before = file_count();
    const Outcome outcome = mercator("report " + arguments);
    EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
    EXPECT_EQ(outcome.output, "mercator: " + message + "\n");
    EXPECT_EQ(file_count(), before) << "a refused report wrote something";
  }

  size_t file_count() const {
    size_t count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(directory_))
      count += entry.is_regular_file();
    return count;
  }
};

TEST_F(ReportCommandTest, WritesARunReportIntoTheRunDirectory) {
  const fs::path run = make_run();
  const Outcome outcome = mercator("report " + run.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  const fs::path report = run / "report.html";
  EXPECT_EQ(outcome.output.rfind("report: " + report.string() + " (", 0), 0u) << outcome.output;
  const std::string page = read_file(report);
  const nlohmann::json data = page_data(page);
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data.at("title"), "mercator run report: bass");
  EXPECT_GE(data.at("chart_count").get<int>(), 4);
  EXPECT_NE(outcome.output.find(std::to_string(data.at("chart_count").get<int>()) + " charts"),
            std::string::npos);
  for (const auto& entry : fs::directory_iterator(run)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST_F(ReportCommandTest, WritesADatabaseReportBesideTheDatabase) {
  const fs::path database = directory_ / "sweep.sqlite";
  report_fixture::write_fixture_database(database);
  const Outcome outcome = mercator("report " + database.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  const nlohmann::json data = page_data(read_file(directory_ / "sweep.html"));
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data.at("chart_count"), 6);
  const fs::path chosen = directory_ / "chosen.html";
  EXPECT_EQ(mercator("report " + database.string() + " --out " + chosen.string()).exit_code, 0);
  EXPECT_TRUE(fs::exists(chosen));
}

TEST_F(ReportCommandTest, RefusesAMissingPath) {
  const std::string path = (directory_ / "nothing").string();
  expect_refused(path, path +
                           ": no such file or directory; expected a run directory (with "
                           "manifest.json, as mercator run writes it) or an experiment database "
                           "(SQLite)");
}

TEST_F(ReportCommandTest, RefusesADirectoryThatIsNotARun) {
  fs::create_directory(directory_ / "plain");
  const std::string path = (directory_ / "plain").string();
  expect_refused(path, path +
                           ": a directory without manifest.json; expected a run directory (with "
                           "manifest.json, as mercator run writes it) or an experiment database "
                           "(SQLite)");
}

TEST_F(ReportCommandTest, RefusesAFileThatIsNeitherRunNorDatabase) {
  const std::string path = write("notes.txt", "SQLite format 2, not really\n");
  expect_refused(path, path +
                           ": neither a run directory nor an SQLite database; expected a run "
                           "directory (with manifest.json, as mercator run writes it) or an "
                           "experiment database (SQLite)");
}

TEST_F(ReportCommandTest, RefusesARunWithoutMetricsAndKeepsAnOlderReport) {
  const fs::path run = make_run();
  std::ofstream(run / "report.html") << "older report";
  fs::remove(run / "metrics.csv");
  expect_refused(run.string(),
                 (run / "metrics.csv").string() +
                     ": missing; expected the run's daily metrics (a run directory as "
                     "mercator run writes it)");
  EXPECT_EQ(read_file(run / "report.html"), "older report");
}

TEST_F(ReportCommandTest, RefusesAMalformedCsvLine) {
  const fs::path run = make_run();
  const std::string events = read_file(run / "events.csv");
  const size_t line = static_cast<size_t>(std::count(events.begin(), events.end(), '\n')) + 1;
  std::ofstream(run / "events.csv", std::ios::app) << "5,2010-01-06,US,\"unclosed\n";
  expect_refused(run.string(), (run / "events.csv").string() + ":" + std::to_string(line) +
                                   ":17: a quoted field is never closed; expected a closing quote");
  EXPECT_FALSE(fs::exists(run / "report.html"));
}

TEST_F(ReportCommandTest, RefusesAnOutputInAMissingDirectory) {
  const fs::path run = make_run();
  const std::string out = (directory_ / "absent" / "r.html").string();
  expect_refused(run.string() + " --out " + out,
                 out + ": cannot write there; expected a file in an existing directory");
}

}  // namespace
}  // namespace mercator
