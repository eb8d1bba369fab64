#include "experiment/experiment_file.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>

#include "core/parameter_assignment.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

std::string dotted(std::string_view prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : fmt::format("{}.{}", prefix, key);
}

std::string assignment_key(const std::string& assignment) {
  std::string key = assignment.substr(0, assignment.find('='));
  std::erase_if(key, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  return key;
}

// Reads one file, keeping each problem with its place and every position.
class ExperimentFileReader {
 public:
  ExperimentFileReader(std::string path, std::vector<ScenarioProblem>& problems)
      : path_(std::move(path)), problems_(problems) {
    spec_.file = path_;
  }

  ExperimentSpec read() {
    const std::optional<toml::table> root = parse();
    if (!root) return std::move(spec_);
    check_keys(*root, "", {"experiment", "design", "parameters", "outputs", "sensitivity"});
    read_experiment(*root);
    read_design(*root);
    read_parameters(*root);
    read_outputs(*root);
    read_sensitivity(*root);
    return std::move(spec_);
  }

 private:
  std::optional<toml::table> parse() {
    std::error_code error;
    if (!fs::is_regular_file(path_, error)) {
      problems_.push_back(
          problem_at({path_, 0, 0}, "", "", "file not found", "an experiment file (TOML)"));
      return std::nullopt;
    }
    try {
      return toml::parse_file(path_);
    } catch (const toml::parse_error& syntax_error) {
      problems_.push_back(
          problem_at(at(syntax_error.source()), "", "",
                     fmt::format("TOML syntax error: {}", syntax_error.description())));
      return std::nullopt;
    }
  }

  SourcePosition at(const toml::source_region& region) const {
    return {path_, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
  }

  void problem(const toml::node& node, const std::string& key, std::string message,
               std::string expected = "") {
    problems_.push_back(problem_at(at(node.source()), key, toml_text(node), std::move(message),
                                   std::move(expected)));
  }

  void missing(const std::string& key, std::string expected) {
    problems_.push_back(
        problem_at(spec_.position_of(key), key, "", "missing", std::move(expected)));
  }

  void remember(const std::string& key, const toml::node& node) {
    spec_.positions[key] = at(node.source());
  }

  // Keys no rule reads: misspellings, mostly.
  void check_keys(const toml::table& table, const std::string& prefix,
                  const std::vector<std::string>& allowed) {
    std::vector<std::string> known;
    for (const std::string& key : allowed) known.push_back(dotted(prefix, key));
    for (const auto& [key, node] : table) {
      const std::string full = dotted(prefix, key.str());
      if (std::find(known.begin(), known.end(), full) != known.end()) continue;
      std::string message = "unknown key";
      if (const auto hint = nearest_key(known, full))
        message += fmt::format("; did you mean '{}'?", *hint);
      problems_.push_back(problem_at(at(key.source()), full, toml_text(node), message,
                                     prefix.empty() ? "one of the tables [experiment], [design], "
                                                      "[[parameters]], [outputs], [sensitivity]"
                                                    : ""));
    }
  }

  const toml::table* table(const toml::table& parent, const std::string& key) {
    const toml::node* node = parent.get(key);
    if (!node) return nullptr;
    remember(key, *node);
    if (const toml::table* found = node->as_table()) return found;
    problem(*node, key, "wrong type", fmt::format("a table [{}]", key));
    return nullptr;
  }

  std::optional<std::string> text(const toml::table& table, const std::string& prefix,
                                  const std::string& key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    const std::string full = dotted(prefix, key);
    remember(full, *node);
    if (!node->is_string() || node->as_string()->get().empty()) {
      problem(*node, full, node->is_string() ? "empty" : "wrong type", "a non-empty string");
      return std::nullopt;
    }
    return node->as_string()->get();
  }

  std::optional<int64_t> integer(const toml::table& table, const std::string& prefix,
                                 const std::string& key, int64_t min, int64_t max) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    const std::string full = dotted(prefix, key);
    remember(full, *node);
    const std::string expected = fmt::format("an integer in [{}, {}]", min, max);
    if (!node->is_integer()) {
      problem(*node, full, "wrong type", expected);
      return std::nullopt;
    }
    const int64_t value = node->as_integer()->get();
    if (value < min || value > max) {
      problem(*node, full, "out of range", expected);
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> number(const toml::table& table, const std::string& prefix,
                               const std::string& key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    const std::string full = dotted(prefix, key);
    remember(full, *node);
    if (const auto* integer_value = node->as_integer())
      return static_cast<double>(integer_value->get());
    if (const auto* real_value = node->as_floating_point();
        real_value && std::isfinite(real_value->get())) {
      return real_value->get();
    }
    problem(*node, full, "wrong type", "a finite number");
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> text_list(const toml::table& table,
                                                    const std::string& prefix,
                                                    const std::string& key) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    const std::string full = dotted(prefix, key);
    remember(full, *node);
    const toml::array* array = node->as_array();
    if (!array) {
      problem(*node, full, "wrong type", "an array of strings");
      return std::nullopt;
    }
    std::vector<std::string> texts;
    bool all_text = true;
    for (size_t index = 0; index < array->size(); ++index) {
      const toml::node& element = *array->get(index);
      const std::string element_key = fmt::format("{}.{}", full, index);
      remember(element_key, element);
      if (!element.is_string() || element.as_string()->get().empty()) {
        problem(element, element_key, "wrong type", "a non-empty string");
        all_text = false;
        continue;
      }
      texts.push_back(element.as_string()->get());
    }
    if (!all_text) return std::nullopt;
    return texts;
  }

  void read_experiment(const toml::table& root) {
    const toml::table* experiment = table(root, "experiment");
    if (!experiment) {
      if (!root.contains("experiment"))
        missing("experiment", "a table [experiment] with name and scenario");
      return;
    }
    check_keys(*experiment, "experiment",
               {"name", "scenario", "database", "replications", "seed", "set"});
    const std::string prefix = "experiment";
    if (const auto name = text(*experiment, prefix, "name")) {
      spec_.name = *name;
    } else if (!experiment->contains("name")) {
      missing("experiment.name", "the experiment's name, its key in the database");
    }
    const fs::path directory = fs::path(path_).parent_path();
    if (const auto scenario = text(*experiment, prefix, "scenario")) {
      spec_.scenario = *scenario;
      spec_.scenario_path = (directory / *scenario).lexically_normal().string();
    } else if (!experiment->contains("scenario")) {
      missing("experiment.scenario", "the scenario file, relative to the experiment file");
    }
    const std::string database =
        text(*experiment, prefix, "database").value_or(spec_.name + ".sqlite");
    spec_.database_path = (directory / database).lexically_normal().string();
    spec_.replications = integer(*experiment, prefix, "replications", 1, 1'000'000).value_or(1);
    spec_.seed = integer(*experiment, prefix, "seed", 0, INT64_MAX / 2).value_or(1);
    if (const auto set = text_list(*experiment, prefix, "set")) {
      for (size_t index = 0; index < set->size(); ++index) {
        const std::string& assignment = (*set)[index];
        const size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
          problem(*experiment->get("set")->as_array()->get(index),
                  fmt::format("experiment.set.{}", index), "not of the form key=value",
                  "\"key=value\" with a TOML value, as for mercator run --set");
          continue;
        }
        if (assignment_key(assignment) == "run.seed") {
          // The experiment gives every run its seed; this one would be overridden.
          problem(*experiment->get("set")->as_array()->get(index),
                  fmt::format("experiment.set.{}", index), "the experiment sets run.seed itself",
                  "experiment.seed (replicate r runs with seed + r)");
          continue;
        }
        spec_.set.push_back(assignment);
      }
    }
  }

  void read_design(const toml::table& root) {
    const toml::table* design = table(root, "design");
    if (!design) return;  // replications only
    check_keys(*design, "design", {"kind", "samples"});
    if (const auto kind = text(*design, "design", "kind")) {
      const std::vector<DesignKind> kinds = {DesignKind::Replications, DesignKind::Grid,
                                             DesignKind::LatinHypercube, DesignKind::Saltelli};
      const auto match = std::find_if(kinds.begin(), kinds.end(), [&](DesignKind candidate) {
        return design_kind_name(candidate) == *kind;
      });
      if (match == kinds.end()) {
        problem(*design->get("kind"), "design.kind", "unknown design",
                "one of \"replications\", \"grid\", \"lhs\", \"saltelli\"");
        design_known_ = false;
      } else {
        spec_.design = *match;
      }
    }
    if (!design_known_) return;  // whether samples belong depends on the design
    const bool sampled =
        spec_.design == DesignKind::LatinHypercube || spec_.design == DesignKind::Saltelli;
    const int64_t min_samples = spec_.design == DesignKind::Saltelli ? 2 : 1;
    if (const toml::node* samples = design->get("samples"); samples && !sampled) {
      problem(*samples, "design.samples", "only lhs and saltelli designs take samples",
              "no samples, or design.kind = \"lhs\" or \"saltelli\"");
    } else if (const auto count = integer(*design, "design", "samples", min_samples, 1'000'000)) {
      spec_.samples = *count;
    } else if (sampled && !samples) {
      missing("design.samples", spec_.design == DesignKind::Saltelli
                                    ? "the number of base samples N (runs: N x (parameters + 2))"
                                    : "the number of Latin hypercube points");
    }
  }

  void read_parameters(const toml::table& root) {
    const toml::node* node = root.get("parameters");
    if (node) remember("parameters", *node);
    const toml::array* array = node ? node->as_array() : nullptr;
    if (node && !(array && (array->empty() || array->is_array_of_tables()))) {
      problem(*node, "parameters", "wrong type", "an array of tables [[parameters]]");
      return;
    }
    if (!design_known_) return;  // which keys a parameter takes depends on the design
    const size_t count = array ? array->size() : 0;
    if (spec_.design == DesignKind::Replications && count > 0) {
      problem(*node, "parameters", "a replications design varies no parameters",
              "no [[parameters]], or design.kind = \"grid\", \"lhs\" or \"saltelli\"");
      return;
    }
    if (spec_.design != DesignKind::Replications && count == 0) {
      missing("parameters", fmt::format("at least one [[parameters]] table for a {} design",
                                        design_kind_name(spec_.design)));
      return;
    }
    std::set<std::string> keys;
    for (size_t index = 0; index < count; ++index) {
      const toml::table& element = *array->get(index)->as_table();
      const std::string prefix = fmt::format("parameters.{}", index);
      remember(prefix, *array->get(index));
      if (auto parameter = read_parameter(element, prefix)) {
        if (!keys.insert(parameter->key).second) {
          problem(*element.get("key"), prefix + ".key", "given twice",
                  "each parameter in one [[parameters]] table");
          continue;
        }
        spec_.parameters.push_back(std::move(*parameter));
      }
    }
  }

  std::optional<DesignParameter> read_parameter(const toml::table& element,
                                                const std::string& prefix) {
    check_keys(element, prefix, {"key", "values", "low", "high", "scale"});
    DesignParameter parameter;
    bool complete = true;
    if (const auto key = text(element, prefix, "key")) {
      parameter.key = *key;
    } else {
      if (!element.contains("key")) missing(prefix + ".key", "the key of a scenario parameter");
      complete = false;
    }
    if (spec_.design == DesignKind::Grid) {
      refuse(element, prefix, {"low", "high", "scale"}, "a grid design takes values, not ranges");
      complete = read_values(element, prefix, parameter) && complete;
    } else {
      refuse(element, prefix, {"values"}, "a sampled design takes low and high, not values");
      complete = read_range(element, prefix, parameter) && complete;
    }
    if (!complete) return std::nullopt;
    return parameter;
  }

  void refuse(const toml::table& element, const std::string& prefix,
              const std::vector<std::string>& keys, const std::string& why) {
    for (const std::string& key : keys) {
      if (const toml::node* node = element.get(key)) {
        problem(*node, dotted(prefix, key), why,
                spec_.design == DesignKind::Grid ? "values = [...]" : "low, high and scale");
      }
    }
  }

  bool read_values(const toml::table& element, const std::string& prefix,
                   DesignParameter& parameter) {
    const toml::node* node = element.get("values");
    const std::string full = prefix + ".values";
    if (!node) {
      missing(full, "values = [...], the parameter's values in the grid");
      return false;
    }
    remember(full, *node);
    const toml::array* array = node->as_array();
    if (!array || array->empty()) {
      problem(*node, full, array ? "empty" : "wrong type", "a non-empty array of values");
      return false;
    }
    bool all_values = true;
    for (size_t index = 0; index < array->size(); ++index) {
      const toml::node& value = *array->get(index);
      const std::string value_key = fmt::format("{}.{}", full, index);
      remember(value_key, value);
      if (value.is_table()) {
        problem(value, value_key, "wrong type", "a parameter value");
        all_values = false;
        continue;
      }
      parameter.values.push_back(toml_text(value));
    }
    return all_values;
  }

  bool read_range(const toml::table& element, const std::string& prefix,
                  DesignParameter& parameter) {
    const auto low = number(element, prefix, "low");
    const auto high = number(element, prefix, "high");
    bool complete = low && high;
    if (!element.contains("low")) missing(prefix + ".low", "the bottom of the sampled range");
    if (!element.contains("high")) missing(prefix + ".high", "the top of the sampled range");
    if (const auto scale = text(element, prefix, "scale")) {
      if (*scale == "log") {
        parameter.scale = RangeScale::Log;
      } else if (*scale != "linear") {
        problem(*element.get("scale"), prefix + ".scale", "unknown scale", "\"linear\" or \"log\"");
        complete = false;
      }
    }
    if (!complete) return false;
    parameter.low = *low;
    parameter.high = *high;
    if (!(*low < *high)) {
      problem(*element.get("high"), prefix + ".high", "not above low",
              fmt::format("a number above low = {}", toml_text(*low)));
      return false;
    }
    if (parameter.scale == RangeScale::Log && !(*low > 0)) {
      problem(*element.get("low"), prefix + ".low", "a log scale needs a positive range",
              "low > 0 with scale = \"log\"");
      return false;
    }
    return true;
  }

  void read_outputs(const toml::table& root) {
    const toml::table* outputs = table(root, "outputs");
    if (!outputs) return;
    check_keys(*outputs, "outputs", {"series", "markets"});
    if (auto series = text_list(*outputs, "outputs", "series")) spec_.series = std::move(*series);
    if (auto markets = text_list(*outputs, "outputs", "markets")) {
      if (markets->empty()) {
        problem(*outputs->get("markets"), "outputs.markets", "empty",
                "market codes of the scenario, or \"ALL\" for the whole run");
      } else {
        spec_.series_markets = std::move(*markets);
      }
    }
  }

  void read_sensitivity(const toml::table& root) {
    const toml::table* sensitivity = table(root, "sensitivity");
    if (!sensitivity) return;
    check_keys(*sensitivity, "sensitivity", {"outcomes", "bootstrap"});
    if (auto outcomes = text_list(*sensitivity, "sensitivity", "outcomes"))
      spec_.outcomes = std::move(*outcomes);
    spec_.bootstrap =
        integer(*sensitivity, "sensitivity", "bootstrap", 0, 1'000'000).value_or(spec_.bootstrap);
  }

  std::string path_;
  std::vector<ScenarioProblem>& problems_;
  ExperimentSpec spec_;
  bool design_known_ = true;
};

}  // namespace

ExperimentSpec read_experiment_file(const std::string& path,
                                    std::vector<ScenarioProblem>& problems) {
  return ExperimentFileReader(path, problems).read();
}

}  // namespace mercator
