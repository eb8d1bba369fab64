// Loading a scenario: read the TOML chain, read every parameter through the
// parameter protocol, then report every problem at once.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/parameter_assignment.hpp"
#include "mercator/scenario.hpp"
#include "scenario/resolved_scenario.hpp"
#include "scenario/scenario_document.hpp"

namespace mercator {
namespace {

constexpr std::string_view command_line_file = "--set";

ParameterWalk walk(SimulationConfig& config) {
  return [&config](ParameterVisitor& visitor) { visit_parameters(visitor, config); };
}

std::string join(const std::vector<ScenarioProblem>& problems) {
  std::string text;
  for (const ScenarioProblem& problem : problems)
    text += (text.empty() ? "" : "\n") + problem.format();
  return text;
}

// Reads every parameter from the document, remembering what it consumed
// and which keys, groups and table elements exist.
class ScenarioReader final : public TomlReadingVisitor {
 public:
  ScenarioReader(const ScenarioDocument& document, std::vector<ScenarioProblem>& problems)
      : document_(document), problems_(problems) {}

  std::vector<std::string> known_keys;  // parameters, table elements by index
  std::set<std::string> known_tables;   // groups and table array elements
  std::set<std::string> consumed;       // document keys that were read

 protected:
  const toml::node* value_for(const std::string& full_key, ParameterType) override {
    known_keys.push_back(full_key);
    const auto entry = document_.entries.find(full_key);
    if (entry == document_.entries.end()) return nullptr;
    consumed.insert(full_key);
    return entry->second.value;
  }

  void on_problem(const std::string& full_key, const toml::node& node,
                  const ValueProblem& problem) override {
    problems_.push_back(problem_at(document_.entries.at(full_key).value_position, full_key,
                                   toml_text(node), problem.message, problem.expected));
  }

  void on_group(std::string_view full_name, std::string_view) override {
    known_tables.insert(std::string(full_name));
  }

  // The file's array replaces the default one; absent, the default stays.
  size_t begin_table_array(std::string_view name, std::string_view, size_t current_count) override {
    const std::string array_key = full_key(name);
    known_tables.insert(array_key);
    if (const auto array = document_.table_arrays.find(array_key);
        array != document_.table_arrays.end()) {
      return array->second.count;
    }
    const auto entry = document_.entries.find(array_key);
    if (entry == document_.entries.end()) return current_count;
    consumed.insert(array_key);
    const toml::node& value = *entry->second.value;
    if (value.is_array() && value.as_array()->empty()) return 0;
    problems_.push_back(problem_at(entry->second.value_position, array_key, toml_text(value),
                                   "wrong type", fmt::format("array of tables [[{}]]", array_key)));
    return current_count;
  }

  void enter_element(std::string_view name, size_t index) override {
    TomlReadingVisitor::enter_element(name, index);
    known_tables.insert(prefix());
  }

 private:
  const ScenarioDocument& document_;
  std::vector<ScenarioProblem>& problems_;
};

bool has_member(const std::vector<std::string>& keys, const std::string& table) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& key) {
    return key.size() > table.size() && key.compare(0, table.size(), table) == 0 &&
           key[table.size()] == '.';
  });
}

// Keys in the file that no parameter read: misspellings, mostly.
void report_unknown_keys(const ScenarioDocument& document, const ScenarioReader& reader,
                         std::vector<ScenarioProblem>& problems) {
  std::vector<std::string> candidates = reader.known_keys;
  candidates.insert(candidates.end(), reader.known_tables.begin(), reader.known_tables.end());
  for (const auto& [key, entry] : document.entries) {
    if (reader.consumed.contains(key) || reader.known_tables.contains(key)) continue;
    const std::string value = toml_text(*entry.value);
    if (has_member(reader.known_keys, key)) {
      problems.push_back(problem_at(entry.value_position, key, value,
                                    "this is a table of parameters, not a value",
                                    fmt::format("a table [{}]", key)));
      continue;
    }
    std::string message = "unknown key";
    if (const auto hint = nearest_key(candidates, key))
      message += fmt::format("; did you mean '{}'?", *hint);
    problems.push_back(problem_at(entry.key_position, key, value, message));
  }
}

// A set event's value is a value of the parameter it sets, of any TOML type;
// the event keeps it as TOML text (`value = 0.08` and `value = "0.08"` alike).
void store_set_values_as_text(ScenarioDocument& document) {
  std::vector<std::pair<std::string, std::string>> rendered;
  for (const auto& [key, entry] : document.entries) {
    const bool is_event_value = key.starts_with("events.") && key.ends_with(".value");
    if (is_event_value && !entry.value->is_string() && !entry.value->is_table()) {
      rendered.emplace_back(key, toml_text(*entry.value));
    }
  }
  for (auto& [key, text] : rendered) {
    document.replace_value(key, std::make_unique<toml::value<std::string>>(std::move(text)));
  }
}

struct Override {
  std::string key;
  std::string value;
};

std::optional<Override> split_override(const std::string& text) {
  const size_t equals = text.find('=');
  if (equals == std::string::npos) return std::nullopt;
  std::string key = text.substr(0, equals);
  std::erase_if(key, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  return Override{key, text.substr(equals + 1)};
}

// --set key=value, in order; later ones win.
std::set<std::string> apply_overrides(SimulationConfig& config,
                                      const std::vector<std::string>& overrides,
                                      std::vector<ScenarioProblem>& problems) {
  const SourcePosition command_line{std::string(command_line_file), 0, 0};
  std::set<std::string> overridden;
  for (const std::string& text : overrides) {
    const auto override_ = split_override(text);
    if (!override_ || override_->key.empty()) {
      problems.push_back(problem_at(command_line, "", text, "not of the form key=value"));
      continue;
    }
    if (const auto problem = try_assign_parameter(walk(config), override_->key, override_->value)) {
      problems.push_back(problem_at(command_line, override_->key, problem->value, problem->message,
                                    problem->expected));
      continue;
    }
    overridden.insert(override_->key);
  }
  return overridden;
}

// Each `set` event must name a parameter and give a value it accepts.
void check_set_events(const SimulationConfig& config, const ScenarioDocument& document,
                      std::vector<ScenarioProblem>& problems) {
  SimulationConfig scratch = config;
  const std::vector<std::string> keys = all_parameter_keys(walk(scratch));
  for (size_t index = 0; index < config.events.size(); ++index) {
    const ScheduledEvent& event = config.events[index];
    if (event.type != "set") continue;
    const std::string prefix = fmt::format("events.{}.", index);
    if (std::find(keys.begin(), keys.end(), event.key) == keys.end()) {
      std::string message =
          event.key.empty() ? "a set event needs the key of a parameter" : "not a parameter";
      if (const auto hint = nearest_key(keys, event.key))
        message += fmt::format("; did you mean '{}'?", *hint);
      problems.push_back(problem_at(document.position_of(prefix + "key"), prefix + "key",
                                    toml_text(event.key), message));
      continue;
    }
    SimulationConfig target = config;
    if (const auto problem = try_assign_parameter(walk(target), event.key, event.value)) {
      problems.push_back(
          problem_at(document.position_of(prefix + "value"), prefix + "value", problem->value,
                     fmt::format("{} for '{}'", problem->message, event.key), problem->expected));
    }
  }
}

// Problems only visible when fields are read together, placed where the key
// is written (or was set on the command line).
void report_config_problems(const SimulationConfig& config, const ScenarioDocument& document,
                            const std::set<std::string>& overridden,
                            std::vector<ScenarioProblem>& problems) {
  std::set<std::string> reported;
  for (const ScenarioProblem& problem : problems) reported.insert(problem.key);
  for (const ConfigProblem& config_problem : check_config(config)) {
    if (reported.contains(config_problem.key)) continue;  // already said why
    const SourcePosition where = overridden.contains(config_problem.key)
                                     ? SourcePosition{std::string(command_line_file), 0, 0}
                                     : document.position_of(config_problem.key);
    problems.push_back(problem_at(where, config_problem.key, config_problem.value, "invalid value",
                                  config_problem.expected));
  }
}

// File problems first, in file order; the command line last.
void sort_problems(std::vector<ScenarioProblem>& problems) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const ScenarioProblem& a, const ScenarioProblem& b) {
                     return std::make_tuple(a.file == command_line_file, a.file, a.line, a.column) <
                            std::make_tuple(b.file == command_line_file, b.file, b.line, b.column);
                   });
}

}  // namespace

std::string ScenarioProblem::format() const {
  std::string text = file;
  if (line > 0) text += fmt::format(":{}:{}", line, column);
  text += ": ";
  if (!key.empty()) {
    text += fmt::format("key '{}'", key);
    if (!value.empty()) text += " = " + value;
    text += ": ";
  } else if (!value.empty()) {
    text += value + ": ";
  }
  text += message;
  if (!expected.empty()) text += "; expected " + expected;
  return text;
}

ScenarioError::ScenarioError(std::vector<ScenarioProblem> problems)
    : std::runtime_error(join(problems)), problems_(std::move(problems)) {}

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  std::vector<ScenarioProblem> problems;
  ScenarioDocument document = ScenarioDocument::read(path, problems);
  // Without the whole file every later check would only add noise.
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  store_set_values_as_text(document);

  Scenario scenario;
  scenario.path = path;
  SimulationConfig& config = scenario.config;
  ScenarioReader reader(document, problems);
  visit_parameters(reader, config);
  report_unknown_keys(document, reader, problems);
  const std::set<std::string> overridden = apply_overrides(config, overrides, problems);
  config.base_directory = std::filesystem::absolute(path).parent_path().string();
  check_set_events(config, document, problems);
  report_config_problems(config, document, overridden, problems);
  if (!problems.empty()) {
    sort_problems(problems);
    throw ScenarioError(std::move(problems));
  }
  scenario.resolved_json = parameters_json(walk(config)).dump(2);
  return scenario;
}

}  // namespace mercator
