#include "report/fact_format.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

namespace mercator::report {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// 1234567.8 -> "1,234,568"
std::string with_separators(double value) {
  const std::string digits = fmt::format("{:.0f}", std::fabs(value));
  std::string grouped;
  for (size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) grouped += ',';
    grouped += digits[k];
  }
  return (value < 0 && grouped != "0" ? "-" : "") + grouped;
}

std::string number_text(std::string_view key, double value) {
  if (!std::isfinite(value)) return "n/a";
  if (ends_with(key, "_usd")) return with_separators(value);
  if (contains(key, "share") || contains(key, "rate")) return fmt::format("{:.2f}%", 100 * value);
  if (std::fabs(value) < 1000 && value != std::round(value)) return fmt::format("{:.3g}", value);
  return with_separators(value);
}

}  // namespace

std::string fact_label(std::string_view key) {
  std::string_view name = key;
  const bool money = ends_with(name, "_usd");
  if (money) name.remove_suffix(4);
  std::string label;
  for (const char c : name) label += c == '_' ? ' ' : c;
  for (const std::string_view acronym : {"gmv", "hhi"}) {
    const size_t at = label.find(acronym);
    const bool word_start = at == 0 || (at != std::string::npos && label[at - 1] == ' ');
    if (at != std::string::npos && word_start) {
      for (size_t k = at; k < at + acronym.size(); ++k) {
        label[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[k])));
      }
    }
  }
  if (!label.empty())
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return money ? label + " (US$)" : label;
}

std::string fact_value(std::string_view key, const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_number()) {
    return number_text(key, value.get<double>());
  }
  if (value.is_array()) {
    std::string list;
    for (const auto& element : value) list += (list.empty() ? "" : ", ") + fact_value("", element);
    return list;
  }
  if (value.is_null()) return "n/a";
  return value.dump();
}

}  // namespace mercator::report
