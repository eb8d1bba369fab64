#pragma once
// An experiment as its file describes it (docs/experiments.md): the
// scenario, the design (which parameter values make the design points), the
// replicates, what each run stores, and what sensitivity analyses.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/parameters.hpp"
#include "scenario/scenario_document.hpp"

namespace mercator {

enum class DesignKind { Replications, Grid, LatinHypercube, Saltelli };

// As written in the file: "replications", "grid", "lhs", "saltelli".
std::string_view design_kind_name(DesignKind kind);

// How a sampled parameter spreads over [low, high]: evenly, or evenly in
// its logarithm (for rates spanning orders of magnitude).
enum class RangeScale { Linear, Log };

struct DesignParameter {
  std::string key;  // a registered scenario parameter
  ParameterType type = ParameterType::Real;
  std::vector<std::string> values;  // grid: each value as TOML text, in order
  double low = 0;                   // lhs, saltelli
  double high = 0;
  RangeScale scale = RangeScale::Linear;
};

struct ExperimentSpec {
  std::string file;  // the experiment file, as given
  std::string name;
  std::string scenario;       // as written: relative to the experiment file
  std::string scenario_path;  // resolved, for opening
  std::string database_path;  // resolved; the command line's --db replaces it
  int64_t replications = 1;
  int64_t seed = 1;              // replicate r runs with seed + r at every point
  std::vector<std::string> set;  // "key=value" overrides for every run
  DesignKind design = DesignKind::Replications;
  int64_t samples = 0;  // lhs points; saltelli base samples N
  std::vector<DesignParameter> parameters;
  std::vector<std::string> series;                    // daily series stored
  std::vector<std::string> series_markets = {"ALL"};  // for those markets
  std::vector<std::string> outcomes;                  // [sensitivity]
  int64_t bootstrap = 1000;                           // resamples for intervals

  // Where each key and value is written, by dotted path
  // ("parameters.1.low", "experiment.set.0"), for error messages.
  std::map<std::string, SourcePosition> positions;

  // The position of path, else of its nearest enclosing key or table, else
  // the file itself (line 0).
  SourcePosition position_of(std::string_view path) const;
};

}  // namespace mercator
