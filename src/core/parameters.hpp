#pragma once
// The self-describing parameter protocol.
//
// Every configurable struct in mercator has a function
//     void visit_parameters(ParameterVisitor& visitor, T& config);
// that names each field once, with its documentation and valid range. The
// field's initializer is its default. Different visitors reuse that one
// description: the registry (describe, docs, defaults), the scenario loader
// (reads and validates TOML and --set values), the manifest writer (dumps the
// resolved scenario). Nothing else lists parameters.
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace mercator {

enum class ParameterType { Flag, Integer, Real, Text, Date, TextList };

std::string_view type_name(ParameterType type);

struct ParameterSpec {
  std::string_view key;      // relative to the current table prefix
  std::string_view unit;     // "share", "days", "USD", "agents", ... or "" for none
  std::string_view meaning;  // one line
  std::string_view source;   // where the default comes from: FACTS.md figure, study, or assumption
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::vector<std::string_view> choices = {};  // for Text: the allowed values (empty: any)
};

class ParameterVisitor {
 public:
  virtual ~ParameterVisitor() = default;

  virtual void flag(const ParameterSpec& spec, bool& value) = 0;
  virtual void integer(const ParameterSpec& spec, int64_t& value) = 0;
  virtual void real(const ParameterSpec& spec, double& value) = 0;
  virtual void text(const ParameterSpec& spec, std::string& value) = 0;
  virtual void date(const ParameterSpec& spec, std::string& iso_value) = 0;
  virtual void text_list(const ParameterSpec& spec, std::vector<std::string>& value) = 0;

  // A named group of parameters ("mechanisms.escrow"); meaning documents the group.
  void group(std::string_view name, std::string_view meaning,
             const std::function<void()>& visit_members);

  // An array of tables ("platforms", "events"): the visitor decides how many
  // elements there are (the scenario's count when loading, one example when
  // describing) and visits each with the element's prefix.
  template <class Element, class VisitElement>
  void table_array(std::string_view name, std::string_view meaning,
                   std::vector<Element>& elements, VisitElement visit_element) {
    const size_t count = begin_table_array(name, meaning, elements.size());
    elements.resize(count);
    for (size_t index = 0; index < count; ++index) {
      enter_element(name, index);
      visit_element(*this, elements[index]);
      leave();
    }
    end_table_array(name);
  }

  // The full dotted key of a spec at the current position.
  std::string full_key(std::string_view key) const;

 protected:
  // Hooks for visitors that care about structure; defaults keep prefixes.
  virtual void on_group(std::string_view /*full_name*/, std::string_view /*meaning*/) {}
  virtual size_t begin_table_array(std::string_view name, std::string_view meaning,
                                   size_t current_count);
  virtual void end_table_array(std::string_view /*name*/) {}
  virtual void enter_element(std::string_view name, size_t index);
  void enter(std::string_view name);
  void leave();
  const std::string& prefix() const { return prefix_; }

 private:
  std::string prefix_;
  std::vector<size_t> prefix_lengths_;
};

}  // namespace mercator
