#include "core/parameters.hpp"

namespace mercator {

std::string_view type_name(ParameterType type) {
  switch (type) {
    case ParameterType::Flag: return "bool";
    case ParameterType::Integer: return "integer";
    case ParameterType::Real: return "real";
    case ParameterType::Text: return "string";
    case ParameterType::Date: return "date";
    case ParameterType::TextList: return "list of strings";
  }
  return "?";
}

void ParameterVisitor::group(std::string_view name, std::string_view meaning,
                             const std::function<void()>& visit_members) {
  enter(name);
  on_group(prefix_, meaning);
  visit_members();
  leave();
}

std::string ParameterVisitor::full_key(std::string_view key) const {
  if (prefix_.empty()) return std::string(key);
  return prefix_ + "." + std::string(key);
}

size_t ParameterVisitor::begin_table_array(std::string_view, std::string_view,
                                           size_t current_count) {
  return current_count;
}

void ParameterVisitor::enter_element(std::string_view name, size_t index) {
  enter(std::string(name) + "." + std::to_string(index));
}

void ParameterVisitor::enter(std::string_view name) {
  prefix_lengths_.push_back(prefix_.size());
  if (!prefix_.empty()) prefix_ += '.';
  prefix_ += name;
}

void ParameterVisitor::leave() {
  prefix_.resize(prefix_lengths_.back());
  prefix_lengths_.pop_back();
}

}  // namespace mercator
