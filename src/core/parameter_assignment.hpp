#pragma once
// Parameter values as TOML: reading a TOML value into a parameter (checking
// its type, range and choices against the spec), writing a parameter value as
// TOML text, and assigning one parameter by its full dotted key. Generic: it
// knows the parameter protocol (core/parameters.hpp), not any config struct.
// The scenario loader reads whole files with it; the simulation applies
// scheduled `set` events and the command line applies --set with it.
#include <toml++/toml.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/parameters.hpp"

namespace mercator {

// Visits every parameter of one config tree (e.g. a lambda calling
// visit_parameters(visitor, config) on the config to read or change).
using ParameterWalk = std::function<void(ParameterVisitor&)>;

// Why a value does not fit a parameter.
struct ValueProblem {
  std::string message;   // "wrong type", "out of range", ...
  std::string expected;  // "real in [0, 1]"
};

// What a parameter accepts, in words: `real in [0, 1]`, `one of "open", "content"`.
std::string expected_value(ParameterType type, const ParameterSpec& spec);

// Reads a TOML value into a parameter; leaves the parameter unchanged and
// returns the problem when the value does not fit. An integer is accepted
// for a real; a TOML date or a "YYYY-MM-DD" string for a date, and an empty
// string for a date whose current value is empty ("not set").
std::optional<ValueProblem> read_flag(const toml::node& node, const ParameterSpec& spec,
                                      bool& value);
std::optional<ValueProblem> read_integer(const toml::node& node, const ParameterSpec& spec,
                                         int64_t& value);
std::optional<ValueProblem> read_real(const toml::node& node, const ParameterSpec& spec,
                                      double& value);
std::optional<ValueProblem> read_text(const toml::node& node, const ParameterSpec& spec,
                                      std::string& value);
std::optional<ValueProblem> read_date(const toml::node& node, const ParameterSpec& spec,
                                      std::string& iso_value);
std::optional<ValueProblem> read_text_list(const toml::node& node, const ParameterSpec& spec,
                                           std::vector<std::string>& value);

// TOML text of values, as a scenario would write them. Reals use the
// shortest text that reads back to the same double and always look like
// reals ("200000.0"), so rendering is exact and stable.
std::string toml_text(const toml::node& node);
std::string toml_text(bool value);
std::string toml_text(int64_t value);
std::string toml_text(double value);
std::string toml_text(std::string_view text);  // a quoted TOML string
inline std::string toml_text(const char* text) { return toml_text(std::string_view(text)); }
std::string toml_text(const std::vector<std::string>& texts);

// A visitor that reads each parameter from the TOML value a subclass finds
// for its full key, and reports values that do not fit.
class TomlReadingVisitor : public ParameterVisitor {
 public:
  void flag(const ParameterSpec& spec, bool& value) override;
  void integer(const ParameterSpec& spec, int64_t& value) override;
  void real(const ParameterSpec& spec, double& value) override;
  void text(const ParameterSpec& spec, std::string& value) override;
  void date(const ParameterSpec& spec, std::string& iso_value) override;
  void text_list(const ParameterSpec& spec, std::vector<std::string>& value) override;

 protected:
  // The value given for a parameter, or null to keep its current value.
  virtual const toml::node* value_for(const std::string& full_key, ParameterType type) = 0;
  virtual void on_problem(const std::string& full_key, const toml::node& node,
                          const ValueProblem& problem) = 0;

 private:
  template <class Value, class Reader>
  void read(const ParameterSpec& spec, ParameterType type, Value& value, Reader reader);
};

// A value that could not be assigned to a key, ready to report.
struct AssignmentProblem {
  std::string value;    // as given, TOML text
  std::string message;  // may carry a "did you mean" hint
  std::string expected;
};

// Parses value_text as a TOML value (for string and date parameters bare
// text without quotes is accepted too) and assigns it to the parameter at
// full_key ("platforms.0.commission_rate"). Returns the problem, if any; the
// config is unchanged then.
std::optional<AssignmentProblem> try_assign_parameter(const ParameterWalk& visit_all,
                                                      std::string_view full_key,
                                                      std::string_view value_text);

// The same, with the problem as one line: "key 'K' = V: MESSAGE; expected E".
bool assign_parameter(const ParameterWalk& visit_all, std::string_view full_key,
                      std::string_view value_text, std::string& error);

// Every parameter's full key, in visiting order (table array elements by index).
std::vector<std::string> all_parameter_keys(const ParameterWalk& visit_all);

// The key nearest to an unknown one, for a "did you mean" hint: the closest
// by edit distance when it is close enough, else the only key with the same
// last segment ("seed" -> "run.seed").
std::optional<std::string> nearest_key(const std::vector<std::string>& known_keys,
                                       std::string_view unknown_key);

}  // namespace mercator
