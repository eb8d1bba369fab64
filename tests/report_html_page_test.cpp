// The report page: self-contained (libraries inline), its data safe inside
// a <script> element whatever the data says, and titles escaped.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "report/html_page.hpp"
#include "report/report_assets.hpp"

namespace mercator {
namespace {

using json = nlohmann::json;

size_t count_of(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST(ReportHtmlPage, ScriptTextCannotEndItsElement) {
  EXPECT_EQ(report::script_safe("a = '</script>'; b = '</SCRIPT >'"),
            "a = '<\\/script>'; b = '<\\/SCRIPT >'");
  EXPECT_EQ(report::script_safe("x = '<!-- y'; z = 1 < 2;"), "x = '<\\!-- y'; z = 1 < 2;");
  EXPECT_EQ(report::script_safe("if (a < b && c > d) {}"), "if (a < b && c > d) {}");
}

TEST(ReportHtmlPage, JsonDataHasNoAngleBracketAndReadsBackTheSame) {
  const json data = {
      {"title", "</script><script>alert(1)</script>"}, {"note", "<!-- x -->"}, {"value", 1.5}};
  const std::string safe = report::json_script_safe(data);
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(json::parse(safe), data);
}

TEST(ReportHtmlPage, ThePageCarriesItsLibrariesAndOneDataBlock) {
  report::ReportDocument document;
  document.title = "A & B </script> <b>";
  report::Section section;
  section.title = "S";
  section.note("ends with </script> on purpose");
  document.sections.push_back(section);
  const std::string page = report::render_report_page(document);

  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<title>A &amp; B &lt;/script&gt; &lt;b&gt;</title>"), std::string::npos);
  // Three libraries, the data and the page script: five elements, and the
  // text in the data does not close one early.
  EXPECT_EQ(count_of(page, "<script"), 5u);
  EXPECT_EQ(count_of(page, "</script>"), 5u);
  EXPECT_EQ(count_of(page, "{{"), count_of(std::string(report::assets::vega_js()) +
                                               std::string(report::assets::vega_lite_js()) +
                                               std::string(report::assets::vega_embed_js()) +
                                               std::string(report::assets::page_js()),
                                           "{{"));  // every placeholder filled
  for (const std::string_view library : {report::assets::vega_js(), report::assets::vega_lite_js(),
                                         report::assets::vega_embed_js()}) {
    EXPECT_GT(library.size(), 10000u);
    EXPECT_NE(page.find(report::script_safe(library.substr(0, 2000))), std::string::npos);
  }
  // Nothing is fetched: no script or stylesheet comes from elsewhere.
  EXPECT_EQ(page.find("<script src"), std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);

  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const size_t start = page.find(open) + open.size();
  const json data = json::parse(page.substr(start, page.find("</script>", start) - start));
  EXPECT_EQ(data.at("title"), document.title);
  EXPECT_EQ(data.at("sections").at(0).at("blocks").at(0).at("text"),
            "ends with </script> on purpose");
}

TEST(ReportHtmlPage, ChartValuesKeepSixSignificantDigits) {
  EXPECT_EQ(report::chart_value(123456789.0), json(123457000.0));
  EXPECT_EQ(report::chart_value(0.000123456789), json(0.000123457));
  EXPECT_TRUE(report::chart_value(std::nan("")).is_null());
  EXPECT_TRUE(report::chart_value(std::numeric_limits<double>::infinity()).is_null());
  EXPECT_EQ(report::chart_value(0.25).dump(), "0.25");
}

}  // namespace
}  // namespace mercator
