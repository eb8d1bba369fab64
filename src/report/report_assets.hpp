#pragma once
// The files a report page carries inline, built into the binary so that
// `mercator report` needs nothing at run time: the charting libraries from
// npm (package-lock.json pins them; scripts/setup.sh installs them) and the
// page's own template, style and script (src/report/page/). The build
// generates their definitions (cmake/embed_report_assets.cmake).
#include <string_view>

namespace mercator::report::assets {

std::string_view vega_js();
std::string_view vega_lite_js();
std::string_view vega_embed_js();
std::string_view
page_html();  // the template: {{title}}, {{style}}, {{libraries}}, {{data}}, {{script}}
std::string_view page_css();
std::string_view page_js();

}  // namespace mercator::report::assets
