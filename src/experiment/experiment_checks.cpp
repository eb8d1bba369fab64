#include "experiment/experiment_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "core/parameter_assignment.hpp"
#include "metrics/collector.hpp"

namespace mercator {
namespace {

ParameterWalk walk(SimulationConfig& config) {
  return [&config](ParameterVisitor& visitor) { visit_parameters(visitor, config); };
}

struct FoundParameter {
  ParameterType type = ParameterType::Real;
  double min = 0;
  double max = 0;
};

// The type and valid range of one parameter, found by its full key.
class ParameterFinder final : public ParameterVisitor {
 public:
  explicit ParameterFinder(std::string key) : key_(std::move(key)) {}
  std::optional<FoundParameter> found;

  void flag(const ParameterSpec& spec, bool&) override { check(spec, ParameterType::Flag); }
  void integer(const ParameterSpec& spec, int64_t&) override {
    check(spec, ParameterType::Integer);
  }
  void real(const ParameterSpec& spec, double&) override { check(spec, ParameterType::Real); }
  void text(const ParameterSpec& spec, std::string&) override { check(spec, ParameterType::Text); }
  void date(const ParameterSpec& spec, std::string&) override { check(spec, ParameterType::Date); }
  void text_list(const ParameterSpec& spec, std::vector<std::string>&) override {
    check(spec, ParameterType::TextList);
  }

 private:
  void check(const ParameterSpec& spec, ParameterType type) {
    if (!found && full_key(spec.key) == key_) found = FoundParameter{type, spec.min, spec.max};
  }
  std::string key_;
};

std::optional<FoundParameter> find_parameter(SimulationConfig& config, const std::string& key) {
  ParameterFinder finder(key);
  visit_parameters(finder, config);
  return finder.found;
}

class ScenarioChecker {
 public:
  ScenarioChecker(ExperimentSpec& spec, const SimulationConfig& base,
                  std::vector<ScenarioProblem>& problems)
      : spec_(spec), base_(base), problems_(problems), keys_(all_parameter_keys(walk(scratch_))) {}

  void check() {
    for (size_t index = 0; index < spec_.parameters.size(); ++index) check_parameter(index);
    check_outputs();
  }

 private:
  void problem(const std::string& path, std::string key, std::string value, std::string message,
               std::string expected = "") {
    problems_.push_back(problem_at(spec_.position_of(path), std::move(key), std::move(value),
                                   std::move(message), std::move(expected)));
  }

  // The scenario loader's hint, else the one key that begins with the
  // given one ("buyers.word_of_mouth" -> "buyers.word_of_mouth_per_day").
  std::optional<std::string> key_hint(const std::string& key) const {
    if (auto hint = nearest_key(keys_, key)) return hint;
    std::optional<std::string> extended;
    for (const std::string& known : keys_) {
      if (!known.starts_with(key)) continue;
      if (extended) return std::nullopt;
      extended = known;
    }
    return extended;
  }

  void check_parameter(size_t index) {
    DesignParameter& parameter = spec_.parameters[index];
    const std::string prefix = fmt::format("parameters.{}", index);
    const std::string key_path = prefix + ".key";
    if (parameter.key == "run.seed") {
      problem(key_path, key_path, toml_text(parameter.key), "the experiment sets run.seed itself",
              "another parameter; the seeds are experiment.seed + replicate");
      return;
    }
    const std::optional<FoundParameter> found = find_parameter(scratch_, parameter.key);
    if (!found) {
      std::string message = "not a scenario parameter";
      if (const auto hint = key_hint(parameter.key))
        message += fmt::format("; did you mean '{}'?", *hint);
      problem(key_path, key_path, toml_text(parameter.key), message,
              "a registered parameter key (mercator describe lists them)");
      return;
    }
    parameter.type = found->type;
    if (spec_.design == DesignKind::Grid) {
      check_values(parameter, prefix);
    } else {
      check_range(parameter, *found, prefix);
    }
  }

  void check_values(const DesignParameter& parameter, const std::string& prefix) {
    for (size_t index = 0; index < parameter.values.size(); ++index) {
      SimulationConfig target = base_;
      const auto assignment_problem =
          try_assign_parameter(walk(target), parameter.key, parameter.values[index]);
      if (!assignment_problem) continue;
      const std::string path = fmt::format("{}.values.{}", prefix, index);
      problem(path, path, assignment_problem->value,
              fmt::format("{} for '{}'", assignment_problem->message, parameter.key),
              assignment_problem->expected);
    }
  }

  void check_range(const DesignParameter& parameter, const FoundParameter& found,
                   const std::string& prefix) {
    const std::string key_path = prefix + ".key";
    if (found.type != ParameterType::Integer && found.type != ParameterType::Real) {
      problem(key_path, key_path, toml_text(parameter.key),
              fmt::format("a {} parameter cannot be sampled", type_name(found.type)),
              "an integer or real parameter (list other values in a grid design)");
      return;
    }
    const std::string expected_range = fmt::format("a number in the parameter's range [{}, {}]",
                                                   toml_text(found.min), toml_text(found.max));
    for (const auto& [name, bound] : {std::pair{"low", parameter.low}, {"high", parameter.high}}) {
      const std::string path = fmt::format("{}.{}", prefix, name);
      if (found.type == ParameterType::Integer && bound != std::floor(bound)) {
        problem(path, path, toml_text(bound),
                fmt::format("'{}' is an integer parameter", parameter.key), "a whole number");
      } else if (bound < found.min || bound > found.max) {
        problem(path, path, toml_text(bound), fmt::format("out of range for '{}'", parameter.key),
                expected_range);
      }
    }
  }

  void check_outputs() {
    const std::vector<std::string>& known_series = series_names();
    for (size_t index = 0; index < spec_.series.size(); ++index) {
      const std::string& name = spec_.series[index];
      if (std::find(known_series.begin(), known_series.end(), name) != known_series.end()) continue;
      std::string message = "not a series of metrics.csv";
      if (const auto hint = nearest_key(known_series, name))
        message += fmt::format("; did you mean '{}'?", *hint);
      const std::string path = fmt::format("outputs.series.{}", index);
      problem(path, path, toml_text(name), message, "a column of metrics.csv (docs/outputs.md)");
    }
    std::vector<std::string> markets = base_.world.markets;
    markets.push_back("ALL");
    for (size_t index = 0; index < spec_.series_markets.size(); ++index) {
      const std::string& code = spec_.series_markets[index];
      if (std::find(markets.begin(), markets.end(), code) != markets.end()) continue;
      const std::string path = fmt::format("outputs.markets.{}", index);
      std::string list;
      for (const std::string& market : markets) list += (list.empty() ? "" : ", ") + market;
      problem(path, path, toml_text(code), "not a market of the scenario", "one of " + list);
    }
  }

  ExperimentSpec& spec_;
  const SimulationConfig& base_;
  std::vector<ScenarioProblem>& problems_;
  SimulationConfig scratch_ = base_;  // visited to find keys; never changed
  std::vector<std::string> keys_;
};

std::string point_text(const ExperimentDesign& design, size_t point) {
  std::string text;
  for (size_t i = 0; i < design.keys.size(); ++i)
    text +=
        fmt::format("{}{}={}", text.empty() ? "" : ", ", design.keys[i], design.points[point][i]);
  return text;
}

}  // namespace

void check_against_scenario(ExperimentSpec& spec, const SimulationConfig& base,
                            std::vector<ScenarioProblem>& problems) {
  ScenarioChecker(spec, base, problems).check();
}

void check_design_points(const ExperimentSpec& spec, const ExperimentDesign& design,
                         const SimulationConfig& base, std::vector<ScenarioProblem>& problems) {
  std::set<std::pair<std::string, std::string>> reported;
  for (size_t point = 0; point < design.points.size(); ++point) {
    SimulationConfig config = base;
    for (size_t i = 0; i < design.keys.size(); ++i) {
      const auto assignment_problem =
          try_assign_parameter(walk(config), design.keys[i], design.points[point][i]);
      if (!assignment_problem) continue;
      const std::string path = fmt::format("parameters.{}", i);
      if (!reported.emplace(path, assignment_problem->message).second) continue;
      problems.push_back(
          problem_at(spec.position_of(path), design.keys[i], assignment_problem->value,
                     fmt::format("{} at design point {}", assignment_problem->message, point),
                     assignment_problem->expected));
    }
    for (const ConfigProblem& config_problem : check_config(config)) {
      if (!reported.emplace(config_problem.key, config_problem.expected).second) continue;
      const auto varied = std::find(design.keys.begin(), design.keys.end(), config_problem.key);
      const std::string path = varied == design.keys.end()
                                   ? std::string("parameters")
                                   : fmt::format("parameters.{}", varied - design.keys.begin());
      problems.push_back(problem_at(
          spec.position_of(path), config_problem.key, config_problem.value,
          fmt::format("invalid value at design point {} ({})", point, point_text(design, point)),
          config_problem.expected));
    }
  }
}

}  // namespace mercator
