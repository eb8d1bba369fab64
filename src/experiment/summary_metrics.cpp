#include "experiment/summary_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/input_error.hpp"

namespace mercator {
namespace {

void flatten(const nlohmann::ordered_json& value, const std::string& path, SummaryMetrics& out) {
  const auto child = [&](const std::string& key) { return path.empty() ? key : path + "." + key; };
  if (value.is_object()) {
    for (const auto& [key, element] : value.items()) flatten(element, child(key), out);
  } else if (value.is_array()) {
    for (size_t index = 0; index < value.size(); ++index)
      flatten(value[index], child(std::to_string(index)), out);
  } else if (value.is_boolean()) {
    out.emplace_back(path, value.get<bool>() ? 1.0 : 0.0);
  } else if (value.is_number()) {
    out.emplace_back(path, value.get<double>());
  }
}

}  // namespace

SummaryMetrics flatten_summary(const std::string& summary_json) {
  SummaryMetrics metrics;
  flatten(nlohmann::ordered_json::parse(summary_json), "", metrics);
  return metrics;
}

double summary_metric(const SummaryMetrics& metrics, const std::string& name) {
  for (const auto& [key, value] : metrics)
    if (key == name) return value;
  // Suggest names sharing the last path component, else the "final." ones.
  const std::string leaf = name.substr(name.rfind('.') + 1);
  std::vector<std::string> close;
  for (const auto& [key, value] : metrics)
    if (key.ends_with("." + leaf) || key == leaf) close.push_back(key);
  if (close.empty())
    for (const auto& [key, value] : metrics)
      if (key.starts_with("final.")) close.push_back(key);
  std::string hint;
  for (const std::string& key : close) hint += (hint.empty() ? "" : ", ") + key;
  throw InputError(
      fmt::format("outcome '{}' is not in the run summary; expected one of: {}", name, hint));
}

}  // namespace mercator
