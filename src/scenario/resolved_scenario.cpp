#include "scenario/resolved_scenario.hpp"

#include <cmath>

namespace mercator {
namespace {

class JsonDumper final : public ParameterVisitor {
 public:
  nlohmann::ordered_json root = nlohmann::ordered_json::object();

  void flag(const ParameterSpec& spec, bool& value) override { at(spec) = value; }
  void integer(const ParameterSpec& spec, int64_t& value) override { at(spec) = value; }
  // JSON has no inf or nan; they are written as the TOML words.
  void real(const ParameterSpec& spec, double& value) override {
    if (std::isfinite(value)) {
      at(spec) = value;
    } else {
      at(spec) = toml_text(value);
    }
  }
  void text(const ParameterSpec& spec, std::string& value) override { at(spec) = value; }
  void date(const ParameterSpec& spec, std::string& iso_value) override { at(spec) = iso_value; }
  void text_list(const ParameterSpec& spec, std::vector<std::string>& value) override {
    at(spec) = value;
  }

 protected:
  // An empty array still shows ("events": []).
  size_t begin_table_array(std::string_view name, std::string_view, size_t count) override {
    root[pointer(full_key(name))] = nlohmann::ordered_json::array();
    return count;
  }

 private:
  nlohmann::ordered_json& at(const ParameterSpec& spec) {
    return root[pointer(full_key(spec.key))];
  }

  // "platforms.0.name" -> "/platforms/0/name": numeric segments index arrays.
  static nlohmann::ordered_json::json_pointer pointer(const std::string& dotted_key) {
    std::string path = "/" + dotted_key;
    for (char& c : path) {
      if (c == '.') c = '/';
    }
    return nlohmann::ordered_json::json_pointer(path);
  }
};

}  // namespace

nlohmann::ordered_json parameters_json(const ParameterWalk& visit_all) {
  JsonDumper dumper;
  visit_all(dumper);
  return std::move(dumper.root);
}

}  // namespace mercator
