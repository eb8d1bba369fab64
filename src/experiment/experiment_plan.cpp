#include "experiment/experiment_plan.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace mercator {
namespace {

// FNV-1a, 64 bits: a stable digest (std::hash is not stable across builds).
class Fnv1a {
 public:
  void add(std::string_view text) {
    for (const char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
    hash_ ^= 0xff;  // a separator, so that "ab","c" differs from "a","bc"
    hash_ *= 0x100000001b3ULL;
  }
  std::string hex() const { return fmt::format("{:016x}", hash_); }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

nlohmann::ordered_json parameter_json(const DesignParameter& parameter, DesignKind kind) {
  nlohmann::ordered_json json{{"key", parameter.key}};
  if (kind == DesignKind::Grid) {
    json["values"] = parameter.values;
  } else {
    json["low"] = parameter.low;
    json["high"] = parameter.high;
    json["scale"] = parameter.scale == RangeScale::Log ? "log" : "linear";
  }
  return json;
}

}  // namespace

std::vector<PlannedRun> plan_runs(const ExperimentSpec& spec, const ExperimentDesign& design) {
  std::vector<PlannedRun> runs;
  runs.reserve(design.points.size() * static_cast<size_t>(spec.replications));
  for (size_t point = 0; point < design.points.size(); ++point) {
    for (int64_t replicate = 0; replicate < spec.replications; ++replicate) {
      PlannedRun run;
      run.point = static_cast<int64_t>(point);
      run.replicate = replicate;
      run.seed = spec.seed + replicate;
      for (size_t i = 0; i < design.keys.size(); ++i) {
        run.overrides.push_back(design.keys[i] + "=" + design.points[point][i]);
        run.parameters.emplace_back(design.keys[i], design.points[point][i]);
      }
      run.overrides.push_back(fmt::format("run.seed={}", run.seed));
      runs.push_back(std::move(run));
    }
  }
  return runs;
}

std::string experiment_spec_json(const ExperimentSpec& spec,
                                 const std::string& resolved_scenario_json,
                                 const std::vector<PlannedRun>& runs) {
  Fnv1a digest;
  for (const PlannedRun& run : runs) {
    digest.add(fmt::format("{}/{}", run.point, run.replicate));
    for (const std::string& override_ : run.overrides) digest.add(override_);
  }
  nlohmann::ordered_json design{{"kind", design_kind_name(spec.design)}};
  if (spec.samples > 0) design["samples"] = spec.samples;
  design["parameters"] = nlohmann::ordered_json::array();
  for (const DesignParameter& parameter : spec.parameters)
    design["parameters"].push_back(parameter_json(parameter, spec.design));
  const nlohmann::ordered_json json{
      {"scenario", nlohmann::ordered_json::parse(resolved_scenario_json)},
      {"set", spec.set},
      {"seed", spec.seed},
      {"replications", spec.replications},
      {"design", design},
      {"series", spec.series},
      {"series_markets", spec.series_markets},
      {"runs", runs.size()},
      {"runs_digest", digest.hex()},
  };
  return json.dump();
}

std::string experiment_kind(const ExperimentSpec& spec) {
  return spec.design == DesignKind::Saltelli ? "sensitivity" : "experiment";
}

}  // namespace mercator
