#include "experiment/calibration.hpp"

#include <fmt/format.h>
#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "core/input_error.hpp"
#include "core/number_text.hpp"
#include "core/parameter_assignment.hpp"
#include "experiment/batch_runner.hpp"
#include "scenario/parameter_registry.hpp"

namespace mercator {
namespace {

// "platforms.0.commission_rate" -> "platforms[].commission_rate", as the
// registry names table array members.
std::string registry_key(const std::string& key) {
  std::string result;
  size_t start = 0;
  while (start <= key.size()) {
    const size_t dot = std::min(key.find('.', start), key.size());
    const std::string part = key.substr(start, dot - start);
    const bool index = !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit);
    if (index) {
      result += "[]";
    } else {
      result += (result.empty() ? "" : ".") + part;
    }
    start = dot + 1;
  }
  return result;
}

// The resolved scenario's value at a dotted key, array elements by index.
const nlohmann::json* value_at(const nlohmann::json& root, const std::string& key) {
  const nlohmann::json* node = &root;
  size_t start = 0;
  while (start <= key.size()) {
    const size_t dot = std::min(key.find('.', start), key.size());
    const std::string part = key.substr(start, dot - start);
    if (node->is_array()) {
      const bool index = !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit);
      if (!index || std::stoul(part) >= node->size()) return nullptr;
      node = &(*node)[std::stoul(part)];
    } else if (node->is_object() && node->contains(part)) {
      node = &(*node)[part];
    } else {
      return nullptr;
    }
    start = dot + 1;
  }
  return node;
}

std::optional<double> parse_bound(const std::string& text) {
  const std::optional<double> value = parse_double(text);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return value;
}

nlopt::algorithm nlopt_algorithm(const std::string& name, size_t dimensions) {
  if (name == "bobyqa") return dimensions >= 2 ? nlopt::LN_BOBYQA : nlopt::LN_SBPLX;
  if (name == "neldermead") return nlopt::LN_NELDERMEAD;
  if (name == "sbplx") return nlopt::LN_SBPLX;
  if (name == "cobyla") return nlopt::LN_COBYLA;
  throw InputError(fmt::format(
      "--algorithm '{}': unknown; expected bobyqa, neldermead, sbplx or cobyla", name));
}

std::string nlopt_result_text(nlopt::result result) {
  switch (result) {
    case nlopt::SUCCESS: return "success";
    case nlopt::STOPVAL_REACHED: return "loss target reached";
    case nlopt::FTOL_REACHED: return "loss tolerance reached";
    case nlopt::XTOL_REACHED: return "parameter tolerance reached";
    case nlopt::MAXEVAL_REACHED: return "evaluation budget spent";
    case nlopt::MAXTIME_REACHED: return "time budget spent";
    default: return "stopped";
  }
}

// NLopt calls a C function; a failure inside (a run that throws) is kept
// here and rethrown once NLopt has stopped.
struct ObjectiveContext {
  std::function<double(const std::vector<double>&)> evaluate;
  std::exception_ptr failure;
};

double nlopt_objective(unsigned dimensions, const double* x, double*, void* data) {
  auto& context = *static_cast<ObjectiveContext*>(data);
  try {
    return context.evaluate(std::vector<double>(x, x + dimensions));
  } catch (...) {
    context.failure = std::current_exception();
    throw nlopt::forced_stop();
  }
}

double error_scale(double observed) { return observed != 0 ? std::abs(observed) : 1.0; }

// The simulated figure of every target at one point, averaged over the
// replicates (which share their seeds with every other point).
std::vector<double> simulate_targets(const CalibrationOptions& options,
                                     const std::vector<double>& values) {
  std::vector<RunRequest> requests;
  for (int r = 0; r < options.replications; ++r) {
    RunRequest request{parameter_overrides(options.parameters, values)};
    request.overrides.push_back(fmt::format("run.seed={}", options.seed + r));
    requests.push_back(std::move(request));
  }
  std::vector<double> sums(options.targets.size(), 0.0);
  std::vector<std::string> target_series;
  for (const CalibrationTarget& target : options.targets) target_series.push_back(target.series);
  const BatchOptions batch{options.scenario_path, options.overrides, options.parallel,
                           SeriesSelection::summary_and(std::move(target_series))};
  run_batch(batch, requests, [&](size_t, const RunResults& results) {
    for (size_t t = 0; t < options.targets.size(); ++t)
      sums[t] += simulated_value(options.targets[t], results.metrics);
  });
  for (double& sum : sums) sum /= options.replications;
  return sums;
}

bool in_sample(const CalibrationTarget& target, const std::optional<std::string>& holdout_from) {
  return !holdout_from || target.date < *holdout_from;  // ISO dates order as text
}

// Weighted mean squared relative error over the targets in (or out of) sample.
double loss_of(const CalibrationOptions& options, const std::vector<double>& simulated,
               bool sample) {
  double weighted = 0;
  double weights = 0;
  for (size_t t = 0; t < options.targets.size(); ++t) {
    const CalibrationTarget& target = options.targets[t];
    if (in_sample(target, options.holdout_from) != sample) continue;
    const double error = (simulated[t] - target.value) / error_scale(target.value);
    weighted += target.weight * error * error;
    weights += target.weight;
  }
  return weights > 0 ? weighted / weights : std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> to_values(const std::vector<CalibrationParameter>& parameters,
                              const std::vector<double>& unit) {
  std::vector<double> values(parameters.size());
  for (size_t i = 0; i < parameters.size(); ++i)
    values[i] = parameters[i].low + unit[i] * (parameters[i].high - parameters[i].low);
  return values;
}

}  // namespace

CalibrationParameter parse_calibration_parameter(const std::string& text,
                                                 const std::string& resolved_scenario_json) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t colon = text.find(':', start);
    parts.push_back(text.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  const auto fail = [&](const std::string& what, std::string_view expected) {
    return InputError(fmt::format("--params '{}': {}; expected {}", text, what, expected));
  };
  if (parts.size() != 1 && parts.size() != 3)
    throw fail("wrong shape", "KEY or KEY:LOW:HIGH");
  CalibrationParameter parameter;
  parameter.key = parts[0];
  const ParameterInfo* info = scenario_parameters().find(registry_key(parameter.key));
  const nlohmann::json resolved = nlohmann::json::parse(resolved_scenario_json);
  const nlohmann::json* current = value_at(resolved, parameter.key);
  if (info == nullptr || current == nullptr)
    throw fail("no such parameter in the scenario", "a key listed by `mercator describe`");
  if (info->type != ParameterType::Real)
    throw fail(fmt::format("a {} parameter", type_name(info->type)),
               "a real-valued parameter (the search is continuous)");
  if (parts.size() == 3) {
    const auto low = parse_bound(parts[1]);
    const auto high = parse_bound(parts[2]);
    if (!low || !high || !(*low < *high)) throw fail("bad bounds", "numbers LOW < HIGH");
    if (*low < info->min || *high > info->max)
      throw fail("bounds outside the parameter's range " + info->range_text(),
                 "bounds within " + info->range_text());
    parameter.low = *low;
    parameter.high = *high;
  } else {
    if (!std::isfinite(info->min) || !std::isfinite(info->max))
      throw fail("its range " + info->range_text() + " is open", "KEY:LOW:HIGH with finite bounds");
    parameter.low = info->min;
    parameter.high = info->max;
  }
  parameter.start = std::clamp(current->get<double>(), parameter.low, parameter.high);
  return parameter;
}

std::vector<std::string> parameter_overrides(const std::vector<CalibrationParameter>& parameters,
                                             const std::vector<double>& values) {
  std::vector<std::string> overrides;
  for (size_t i = 0; i < parameters.size(); ++i)
    overrides.push_back(parameters[i].key + "=" + toml_text(values[i]));
  return overrides;
}

CalibrationResult calibrate(const CalibrationOptions& options, const CalibrationProgress& progress) {
  const size_t k = options.parameters.size();
  if (k == 0) throw InputError("calibrate: no parameters; expected at least one --params KEY");
  if (std::none_of(options.targets.begin(), options.targets.end(),
                   [&](const CalibrationTarget& t) { return in_sample(t, options.holdout_from); }))
    throw InputError("calibrate: every target is held out; expected some before --holdout-from");

  CalibrationResult result;
  std::vector<double> unit(k);
  for (size_t i = 0; i < k; ++i) {
    const CalibrationParameter& p = options.parameters[i];
    unit[i] = (p.start - p.low) / (p.high - p.low);
    result.start.push_back(p.start);
  }
  std::vector<double> best_simulated;
  double best_loss = std::numeric_limits<double>::infinity();

  auto objective = [&](const std::vector<double>& x) {
    const std::vector<double> values = to_values(options.parameters, x);
    const std::vector<double> simulated = simulate_targets(options, values);
    const double loss = loss_of(options, simulated, true);
    result.evaluations.push_back({values, loss});
    if (result.evaluations.size() == 1) result.start_loss = loss;
    if (loss < best_loss) {
      best_loss = loss;
      best_simulated = simulated;
      result.fitted = values;
    }
    if (progress) progress(result.evaluations.back(), result.evaluations.size());
    return loss;
  };

  nlopt::opt optimizer(nlopt_algorithm(options.algorithm, k), static_cast<unsigned>(k));
  optimizer.set_lower_bounds(std::vector<double>(k, 0.0));
  optimizer.set_upper_bounds(std::vector<double>(k, 1.0));
  optimizer.set_maxeval(options.max_evaluations);
  optimizer.set_xtol_rel(options.relative_tolerance);
  optimizer.set_initial_step(std::vector<double>(k, 0.1));
  ObjectiveContext context{objective, nullptr};
  optimizer.set_min_objective(nlopt_objective, &context);

  double minimum = 0;
  try {
    result.stop_reason = nlopt_result_text(optimizer.optimize(unit, minimum));
  } catch (const nlopt::forced_stop&) {
    if (context.failure) std::rethrow_exception(context.failure);
    throw;
  } catch (const nlopt::roundoff_limited&) {
    result.stop_reason = "stopped by round-off (the best point so far is kept)";
  }
  if (context.failure) std::rethrow_exception(context.failure);

  result.fitted_loss = best_loss;
  result.holdout_loss = loss_of(options, best_simulated, false);
  for (size_t t = 0; t < options.targets.size(); ++t) {
    const CalibrationTarget& target = options.targets[t];
    result.fits.push_back({target, best_simulated[t],
                           (best_simulated[t] - target.value) / error_scale(target.value),
                           in_sample(target, options.holdout_from)});
  }
  return result;
}

}  // namespace mercator
