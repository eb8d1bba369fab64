#include "core/parameter_assignment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/calendar.hpp"

namespace mercator {
namespace {

std::string number_text(double value) { return fmt::format("{}", value); }

std::string range_text(const ParameterSpec& spec) {
  const bool has_min = std::isfinite(spec.min);
  const bool has_max = std::isfinite(spec.max);
  if (has_min && has_max)
    return fmt::format(" in [{}, {}]", number_text(spec.min), number_text(spec.max));
  if (has_min) return " >= " + number_text(spec.min);
  if (has_max) return " <= " + number_text(spec.max);
  return "";
}

std::string choices_text(const ParameterSpec& spec) {
  std::string text;
  for (const std::string_view choice : spec.choices) {
    if (!text.empty()) text += ", ";
    text += toml_text(choice);
  }
  return text;
}

bool is_choice(const ParameterSpec& spec, std::string_view text) {
  return spec.choices.empty() ||
         std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end();
}

bool in_range(const ParameterSpec& spec, double value) {
  return value >= spec.min && value <= spec.max;
}

ValueProblem problem(ParameterType type, const ParameterSpec& spec, std::string message) {
  return ValueProblem{std::move(message), expected_value(type, spec)};
}

std::string iso_text(const toml::date& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string bare_key_or_quoted(std::string_view key) {
  const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  return bare ? std::string(key) : toml_text(key);
}

template <class Value>
std::string streamed(const Value& value) {
  std::ostringstream stream;
  stream << value;
  return stream.str();
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string_view last_segment(std::string_view key) {
  const size_t dot = key.rfind('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

std::string_view trimmed(std::string_view text) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Assigns one parameter, found by its full key during a walk of the config.
class SingleAssignment final : public TomlReadingVisitor {
 public:
  SingleAssignment(std::string_view full_key, std::string_view value_text)
      : key_(full_key), raw_text_(trimmed(value_text)), raw_node_(std::string(raw_text_)) {
    parse_value();
  }

  bool found() const { return found_; }
  const std::optional<AssignmentProblem>& problem() const { return problem_; }

 protected:
  const toml::node* value_for(const std::string& full_key, ParameterType type) override {
    if (full_key != key_) return nullptr;
    found_ = true;
    const bool wants_text = type == ParameterType::Text || type == ParameterType::Date;
    if (wants_text) return text_value(type);
    if (!parsed_) unparsable_ = true;
    return parsed_ ? parsed_ : &raw_node_;
  }

  void on_problem(const std::string&, const toml::node& node,
                  const ValueProblem& value_problem) override {
    const std::string message =
        unparsable_ ? "not a TOML value (" + parse_error_ + ")" : value_problem.message;
    problem_ =
        AssignmentProblem{parsed_ ? toml_text(node) : raw_text_, message, value_problem.expected};
  }

 private:
  // Bare text is fine for strings: `--set run.name=baseline`, `run.name=2024`.
  const toml::node* text_value(ParameterType type) const {
    if (!parsed_) return &raw_node_;
    const bool typed = parsed_->is_string() || (type == ParameterType::Date && parsed_->is_date());
    return typed ? parsed_ : &raw_node_;
  }

  void parse_value() {
    try {
      document_ = toml::parse("value = " + raw_text_ + "\n", std::string_view("--set"));
    } catch (const toml::parse_error& error) {
      parse_error_ = std::string(error.description());
      return;
    }
    if (document_.size() != 1) {
      parse_error_ = "more than one value";
      return;
    }
    parsed_ = document_.get("value");
  }

  std::string key_;
  std::string raw_text_;
  toml::value<std::string> raw_node_;
  toml::table document_;
  const toml::node* parsed_ = nullptr;
  std::string parse_error_;
  bool found_ = false;
  bool unparsable_ = false;  // the value is no TOML and the parameter is no string
  std::optional<AssignmentProblem> problem_;
};

class KeyCollector final : public ParameterVisitor {
 public:
  std::vector<std::string> keys;
  void flag(const ParameterSpec& spec, bool&) override { add(spec); }
  void integer(const ParameterSpec& spec, int64_t&) override { add(spec); }
  void real(const ParameterSpec& spec, double&) override { add(spec); }
  void text(const ParameterSpec& spec, std::string&) override { add(spec); }
  void date(const ParameterSpec& spec, std::string&) override { add(spec); }
  void text_list(const ParameterSpec& spec, std::vector<std::string>&) override { add(spec); }

 private:
  void add(const ParameterSpec& spec) { keys.push_back(full_key(spec.key)); }
};

}  // namespace

std::string expected_value(ParameterType type, const ParameterSpec& spec) {
  switch (type) {
    case ParameterType::Flag:
      return "true or false";
    case ParameterType::Integer:
      return "integer" + range_text(spec);
    case ParameterType::Real:
      return "real" + range_text(spec);
    case ParameterType::Text:
      return spec.choices.empty() ? "string" : "one of " + choices_text(spec);
    case ParameterType::Date:
      return "date YYYY-MM-DD";
    case ParameterType::TextList:
      return spec.choices.empty() ? "list of strings"
                                  : "list of strings, each one of " + choices_text(spec);
  }
  return "?";
}

std::optional<ValueProblem> read_flag(const toml::node& node, const ParameterSpec& spec,
                                      bool& value) {
  if (!node.is_boolean()) return problem(ParameterType::Flag, spec, "wrong type");
  value = node.as_boolean()->get();
  return std::nullopt;
}

std::optional<ValueProblem> read_integer(const toml::node& node, const ParameterSpec& spec,
                                         int64_t& value) {
  if (!node.is_integer()) return problem(ParameterType::Integer, spec, "wrong type");
  const int64_t number = node.as_integer()->get();
  if (!in_range(spec, static_cast<double>(number))) {
    return problem(ParameterType::Integer, spec, "out of range");
  }
  value = number;
  return std::nullopt;
}

std::optional<ValueProblem> read_real(const toml::node& node, const ParameterSpec& spec,
                                      double& value) {
  if (!node.is_number()) return problem(ParameterType::Real, spec, "wrong type");
  const double number = node.is_integer() ? static_cast<double>(node.as_integer()->get())
                                          : node.as_floating_point()->get();
  if (std::isnan(number)) return problem(ParameterType::Real, spec, "not a number");
  if (!in_range(spec, number)) return problem(ParameterType::Real, spec, "out of range");
  value = number;
  return std::nullopt;
}

std::optional<ValueProblem> read_text(const toml::node& node, const ParameterSpec& spec,
                                      std::string& value) {
  if (!node.is_string()) return problem(ParameterType::Text, spec, "wrong type");
  const std::string& text = node.as_string()->get();
  if (!is_choice(spec, text)) return problem(ParameterType::Text, spec, "not one of the choices");
  value = text;
  return std::nullopt;
}

std::optional<ValueProblem> read_date(const toml::node& node, const ParameterSpec& spec,
                                      std::string& iso_value) {
  if (node.is_date()) {
    iso_value = iso_text(node.as_date()->get());
    return std::nullopt;
  }
  if (!node.is_string()) return problem(ParameterType::Date, spec, "wrong type");
  const std::string& text = node.as_string()->get();
  // Some dates are optional ("empty: the run's start"); their default says so.
  if (text.empty() && iso_value.empty()) return std::nullopt;
  if (!Date::parse(text)) return problem(ParameterType::Date, spec, "invalid date");
  iso_value = text;
  return std::nullopt;
}

std::optional<ValueProblem> read_text_list(const toml::node& node, const ParameterSpec& spec,
                                           std::vector<std::string>& value) {
  const toml::array* array = node.as_array();
  if (!array) return problem(ParameterType::TextList, spec, "wrong type");
  std::vector<std::string> texts;
  for (const toml::node& element : *array) {
    if (!element.is_string()) return problem(ParameterType::TextList, spec, "wrong type");
    const std::string& text = element.as_string()->get();
    if (!is_choice(spec, text)) {
      return problem(ParameterType::TextList, spec,
                     fmt::format("{} is not one of the choices", toml_text(text)));
    }
    texts.push_back(text);
  }
  value = std::move(texts);
  return std::nullopt;
}

std::string toml_text(const toml::node& node) {
  return node.visit([](const auto& typed) -> std::string {
    using Node = std::decay_t<decltype(typed)>;
    if constexpr (std::is_same_v<Node, toml::table>) {
      std::string text = "{";
      for (const auto& [key, value] : typed) {
        text += fmt::format("{} {} = {}", text.size() > 1 ? "," : "", bare_key_or_quoted(key.str()),
                            toml_text(value));
      }
      return text + (text.size() > 1 ? " }" : "}");
    } else if constexpr (std::is_same_v<Node, toml::array>) {
      std::string text = "[";
      for (const toml::node& element : typed) {
        if (text.size() > 1) text += ", ";
        text += toml_text(element);
      }
      return text + "]";
    } else if constexpr (std::is_same_v<Node, toml::value<std::string>>) {
      return toml_text(std::string_view(typed.get()));
    } else if constexpr (std::is_same_v<Node, toml::value<double>>) {
      return toml_text(typed.get());
    } else if constexpr (std::is_same_v<Node, toml::value<int64_t>>) {
      return toml_text(typed.get());
    } else if constexpr (std::is_same_v<Node, toml::value<bool>>) {
      return toml_text(typed.get());
    } else {
      return streamed(typed);  // dates and times print as TOML already
    }
  });
}

std::string toml_text(bool value) { return value ? "true" : "false"; }

std::string toml_text(int64_t value) { return fmt::format("{}", value); }

std::string toml_text(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::string text = fmt::format("{}", value);
  if (text.find_first_of(".eE") == std::string::npos) text += ".0";
  return text;
}

std::string toml_text(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\b':
        quoted += "\\b";
        break;
      case '\t':
        quoted += "\\t";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\f':
        quoted += "\\f";
        break;
      case '\r':
        quoted += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          quoted += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        } else {
          quoted += c;
        }
    }
  }
  return quoted + "\"";
}

std::string toml_text(const std::vector<std::string>& texts) {
  std::string text = "[";
  for (const std::string& element : texts) {
    if (text.size() > 1) text += ", ";
    text += toml_text(std::string_view(element));
  }
  return text + "]";
}

template <class Value, class Reader>
void TomlReadingVisitor::read(const ParameterSpec& spec, ParameterType type, Value& value,
                              Reader reader) {
  const std::string key = full_key(spec.key);
  const toml::node* node = value_for(key, type);
  if (!node) return;
  if (const auto value_problem = reader(*node, spec, value)) on_problem(key, *node, *value_problem);
}

void TomlReadingVisitor::flag(const ParameterSpec& spec, bool& value) {
  read(spec, ParameterType::Flag, value, read_flag);
}
void TomlReadingVisitor::integer(const ParameterSpec& spec, int64_t& value) {
  read(spec, ParameterType::Integer, value, read_integer);
}
void TomlReadingVisitor::real(const ParameterSpec& spec, double& value) {
  read(spec, ParameterType::Real, value, read_real);
}
void TomlReadingVisitor::text(const ParameterSpec& spec, std::string& value) {
  read(spec, ParameterType::Text, value, read_text);
}
void TomlReadingVisitor::date(const ParameterSpec& spec, std::string& iso_value) {
  read(spec, ParameterType::Date, iso_value, read_date);
}
void TomlReadingVisitor::text_list(const ParameterSpec& spec, std::vector<std::string>& value) {
  read(spec, ParameterType::TextList, value, read_text_list);
}

std::optional<AssignmentProblem> try_assign_parameter(const ParameterWalk& visit_all,
                                                      std::string_view full_key,
                                                      std::string_view value_text) {
  SingleAssignment assignment(full_key, value_text);
  visit_all(assignment);
  if (assignment.found()) return assignment.problem();
  std::string message = "unknown parameter";
  if (const auto hint = nearest_key(all_parameter_keys(visit_all), full_key)) {
    message += fmt::format("; did you mean '{}'?", *hint);
  }
  return AssignmentProblem{std::string(trimmed(value_text)), message, ""};
}

bool assign_parameter(const ParameterWalk& visit_all, std::string_view full_key,
                      std::string_view value_text, std::string& error) {
  const auto assignment_problem = try_assign_parameter(visit_all, full_key, value_text);
  if (!assignment_problem) return true;
  error = fmt::format("key '{}' = {}: {}", full_key, assignment_problem->value,
                      assignment_problem->message);
  if (!assignment_problem->expected.empty()) error += "; expected " + assignment_problem->expected;
  return false;
}

std::vector<std::string> all_parameter_keys(const ParameterWalk& visit_all) {
  KeyCollector collector;
  visit_all(collector);
  return collector.keys;
}

std::optional<std::string> nearest_key(const std::vector<std::string>& known_keys,
                                       std::string_view unknown_key) {
  const size_t close_enough = std::max<size_t>(2, unknown_key.size() / 4);
  const std::string* nearest = nullptr;
  size_t nearest_distance = close_enough + 1;
  for (const std::string& key : known_keys) {
    const size_t distance = edit_distance(key, unknown_key);
    if (distance < nearest_distance) {
      nearest = &key;
      nearest_distance = distance;
    }
  }
  if (nearest && nearest_distance < unknown_key.size()) return *nearest;

  const std::string_view segment = last_segment(unknown_key);
  const std::string* same_segment = nullptr;
  for (const std::string& key : known_keys) {
    if (last_segment(key) != segment) continue;
    if (same_segment) return std::nullopt;  // ambiguous ("enabled" is everywhere)
    same_segment = &key;
  }
  if (same_segment) return *same_segment;
  return std::nullopt;
}

}  // namespace mercator
