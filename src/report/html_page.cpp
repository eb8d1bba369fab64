#include "report/html_page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "report/report_assets.hpp"

namespace mercator::report {
namespace {

std::string html_escaped(std::string_view text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

bool starts_with_ignoring_case(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(text[at + k])) != prefix[k]) return false;
  }
  return true;
}

std::string script_element(std::string_view script) {
  return "<script>" + script_safe(script) + "</script>\n";
}

// Replaces each {{name}} of the template by its text; every name must be known.
std::string fill_template(std::string_view page, const std::map<std::string, std::string>& parts) {
  std::string filled;
  size_t position = 0;
  while (true) {
    const size_t open = page.find("{{", position);
    if (open == std::string_view::npos) break;
    const size_t close = page.find("}}", open);
    if (close == std::string_view::npos) break;
    const std::string name(page.substr(open + 2, close - open - 2));
    const auto part = parts.find(name);
    if (part == parts.end())
      throw std::logic_error("report page template: unknown {{" + name + "}}");
    filled.append(page.substr(position, open - position));
    filled += part->second;
    position = close + 2;
  }
  filled.append(page.substr(position));
  return filled;
}

}  // namespace

std::string script_safe(std::string_view script) {
  std::string safe;
  safe.reserve(script.size());
  for (size_t k = 0; k < script.size(); ++k) {
    safe += script[k];
    if (script[k] != '<') continue;
    if (starts_with_ignoring_case(script, k, "</script") ||
        starts_with_ignoring_case(script, k, "<!--")) {
      safe += '\\';
    }
  }
  return safe;
}

std::string json_script_safe(const nlohmann::json& json) {
  // Invalid UTF-8 (from a CSV field, say) becomes U+FFFD rather than an error.
  const std::string text = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string safe;
  safe.reserve(text.size());
  for (const char c : text) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  return safe;
}

std::string render_report_page(const ReportDocument& document) {
  const std::string libraries = script_element(assets::vega_js()) +
                                script_element(assets::vega_lite_js()) +
                                script_element(assets::vega_embed_js());
  return fill_template(assets::page_html(), {{"title", html_escaped(document.title)},
                                             {"style", std::string(assets::page_css())},
                                             {"libraries", libraries},
                                             {"data", json_script_safe(document.to_json())},
                                             {"script", script_safe(assets::page_js())}});
}

}  // namespace mercator::report
