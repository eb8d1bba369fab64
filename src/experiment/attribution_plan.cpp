#include "experiment/attribution_plan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>

#include "core/input_error.hpp"
#include "core/parameter_assignment.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

std::vector<std::string> known_mechanisms() {
  const auto& names = mechanism_names();
  return {names.begin(), names.end()};
}

std::string unknown_mechanism_message(const std::string& name,
                                      const std::vector<std::string>& known) {
  std::string message = fmt::format("--mechanisms: unknown mechanism '{}'", name);
  if (const auto hint = nearest_key(known, name))
    message += fmt::format("; did you mean '{}'?", *hint);
  return message + fmt::format("; expected names from: {}", fmt::join(known, ", "));
}

}  // namespace

std::vector<std::string> attribution_mechanisms(const std::vector<std::string>& requested) {
  const std::vector<std::string> known = known_mechanisms();
  if (requested.empty()) return known;
  std::vector<bool> chosen(known.size(), false);
  for (const std::string& name : requested) {
    const auto found = std::find(known.begin(), known.end(), name);
    if (found == known.end()) throw InputError(unknown_mechanism_message(name, known));
    const size_t index = static_cast<size_t>(std::distance(known.begin(), found));
    if (chosen[index])
      throw InputError(fmt::format(
          "--mechanisms: mechanism '{}' is listed twice; expected each mechanism at most once",
          name));
    chosen[index] = true;
  }
  std::vector<std::string> players;
  for (size_t index = 0; index < known.size(); ++index)
    if (chosen[index]) players.push_back(known[index]);
  return players;
}

std::vector<std::string> coalition_overrides(const std::vector<std::string>& mechanisms,
                                             Coalition coalition) {
  std::vector<std::string> overrides;
  for (size_t i = 0; i < mechanisms.size(); ++i) {
    const bool on = (coalition >> i) & 1;
    overrides.push_back(fmt::format("mechanisms.{}.enabled={}", mechanisms[i], on));
  }
  return overrides;
}

std::string coalition_label(const std::vector<std::string>& mechanisms, Coalition coalition) {
  std::vector<std::string> members;
  for (size_t i = 0; i < mechanisms.size(); ++i)
    if ((coalition >> i) & 1) members.push_back(mechanisms[i]);
  return fmt::format("{{{}}}", fmt::join(members, ", "));
}

int64_t replicate_seed(const AttributionSpec& spec, int replicate) { return spec.seed + replicate; }

AttributionDesign attribution_design(const AttributionSpec& spec) {
  return {static_cast<int>(spec.mechanisms.size()), spec.replications, spec.joining_orders,
          static_cast<uint64_t>(spec.seed)};
}

}  // namespace mercator
