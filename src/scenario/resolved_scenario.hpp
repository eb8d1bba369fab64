#pragma once
// The fully resolved scenario as JSON (every parameter with its final value,
// nested by the dots of its key; table arrays as arrays), for run manifests.
#include <nlohmann/json.hpp>

#include "core/parameter_assignment.hpp"

namespace mercator {

// Keys keep their visiting order, so the manifest reads like the reference.
nlohmann::ordered_json parameters_json(const ParameterWalk& visit_all);

}  // namespace mercator
