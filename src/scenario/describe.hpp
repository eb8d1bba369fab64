#pragma once
// The parameter reference, for people: `mercator describe` (plain text) and
// `mercator describe --markdown` (docs/scenario-reference.md).
#include <string>
#include <string_view>
#include <vector>

#include "scenario/parameter_registry.hpp"

namespace mercator {

std::string describe_text(const ParameterRegistry& registry);

// mechanisms: the names of the mechanisms, each documented by the group
// "mechanisms.<name>".
std::string describe_markdown(const ParameterRegistry& registry,
                              const std::vector<std::string_view>& mechanisms);

}  // namespace mercator
