#include "scenario/parameter_registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class RegistryCollector final : public ParameterVisitor {
 public:
  ParameterRegistry registry;

  void flag(const ParameterSpec& spec, bool& value) override {
    add(spec, ParameterType::Flag, toml_text(value));
  }
  void integer(const ParameterSpec& spec, int64_t& value) override {
    add(spec, ParameterType::Integer, toml_text(value));
  }
  void real(const ParameterSpec& spec, double& value) override {
    add(spec, ParameterType::Real, toml_text(value));
  }
  void text(const ParameterSpec& spec, std::string& value) override {
    add(spec, ParameterType::Text, toml_text(std::string_view(value)));
  }
  void date(const ParameterSpec& spec, std::string& iso_value) override {
    add(spec, ParameterType::Date, toml_text(std::string_view(iso_value)));
  }
  void text_list(const ParameterSpec& spec, std::vector<std::string>& value) override {
    add(spec, ParameterType::TextList, toml_text(value));
  }

 protected:
  void on_group(std::string_view full_name, std::string_view meaning) override {
    registry.groups.push_back(GroupInfo{std::string(full_name), std::string(meaning), false});
  }

  // One example element stands for the whole array.
  size_t begin_table_array(std::string_view name, std::string_view meaning, size_t) override {
    registry.groups.push_back(GroupInfo{full_key(name) + "[]", std::string(meaning), true});
    return 1;
  }

  void enter_element(std::string_view name, size_t) override { enter(std::string(name) + "[]"); }

 private:
  void add(const ParameterSpec& spec, ParameterType type, std::string default_toml) {
    ParameterInfo info;
    info.key = full_key(spec.key);
    info.group = prefix();
    info.type = type;
    info.default_toml = std::move(default_toml);
    info.unit = spec.unit;
    info.meaning = spec.meaning;
    info.source = spec.source;
    info.min = spec.min;
    info.max = spec.max;
    info.choices.assign(spec.choices.begin(), spec.choices.end());
    registry.parameters.push_back(std::move(info));
  }
};

}  // namespace

std::string ParameterInfo::range_text() const {
  if (!choices.empty()) {
    std::string text;
    for (const std::string& choice : choices) text += (text.empty() ? "" : ", ") + choice;
    return text;
  }
  const bool has_min = std::isfinite(min);
  const bool has_max = std::isfinite(max);
  if (has_min && has_max) return fmt::format("[{}, {}]", min, max);
  if (has_min) return fmt::format(">= {}", min);
  if (has_max) return fmt::format("<= {}", max);
  return "";
}

const ParameterInfo* ParameterRegistry::find(std::string_view key) const {
  const auto found = std::find_if(parameters.begin(), parameters.end(),
                                  [&](const ParameterInfo& info) { return info.key == key; });
  return found == parameters.end() ? nullptr : &*found;
}

const GroupInfo* ParameterRegistry::find_group(std::string_view name) const {
  const auto found = std::find_if(groups.begin(), groups.end(),
                                  [&](const GroupInfo& group) { return group.name == name; });
  return found == groups.end() ? nullptr : &*found;
}

ParameterRegistry collect_parameters(const ParameterWalk& visit_all) {
  RegistryCollector collector;
  visit_all(collector);
  return std::move(collector.registry);
}

const ParameterRegistry& scenario_parameters() {
  static const ParameterRegistry registry = [] {
    SimulationConfig defaults;
    return collect_parameters(
        [&](ParameterVisitor& visitor) { visit_parameters(visitor, defaults); });
  }();
  return registry;
}

}  // namespace mercator
