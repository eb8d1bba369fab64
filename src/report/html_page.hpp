#pragma once
// A ReportDocument as one self-contained HTML page: the charting libraries,
// the style, the data (as JSON) and the page script all inline, so the file
// opens offline and can be mailed as it is. The script renders every chart
// with vega-embed and records in window.mercatorReport how many it
// expected, how many rendered and the errors, for the browser test.
#include <string>
#include <string_view>

#include "report/report_document.hpp"

namespace mercator::report {

std::string render_report_page(const ReportDocument& document);

// Text made safe inside a <script> element: "</script" and "<!--" (which
// would end or confuse the element) get a backslash before their second
// character, which leaves a string or regular expression meaning the same.
std::string script_safe(std::string_view script);

// JSON made safe inside a <script> element: every '<' (only ever inside a
// string) written as \u003c.
std::string json_script_safe(const nlohmann::json& json);

}  // namespace mercator::report
