#include "experiment/attribution_results.hpp"

#include <fmt/format.h>

#include <map>

namespace mercator {
namespace {

AttributionRow row(const std::string& outcome, const std::string& mechanism,
                   const std::string& method, const MeanEstimate& value, int replications) {
  return {outcome, mechanism, method, value.mean, value.low(), value.high(), replications};
}

}  // namespace

AttributionEstimate attribution_from_database(const ExperimentDatabase& database,
                                              int64_t experiment_id, const AttributionSpec& spec,
                                              const std::string& outcome) {
  const std::map<RunKey, double> values = database.metric_values(experiment_id, outcome);
  const ReplicatedGame game = [&](int replicate, Coalition coalition) {
    const auto found = values.find({static_cast<int64_t>(coalition), replicate});
    if (found == values.end())
      throw ExperimentDatabaseError(
          fmt::format("the run of coalition {} in replicate {} has no value of '{}' in the "
                      "database; expected every run of the attribution to be there",
                      coalition_label(spec.mechanisms, coalition), replicate, outcome));
    return found->second;
  };
  return estimate_attribution(attribution_design(spec), game);
}

std::vector<AttributionRow> attribution_rows(const AttributionSpec& spec,
                                             const std::string& outcome,
                                             const AttributionEstimate& estimate) {
  const std::string shapley_method =
      attribution_design(spec).exact() ? "shapley" : "shapley_sampled";
  std::vector<AttributionRow> rows;
  for (size_t i = 0; i < spec.mechanisms.size(); ++i) {
    const PlayerEstimate& player = estimate.players[i];
    rows.push_back(
        row(outcome, spec.mechanisms[i], shapley_method, player.shapley, spec.replications));
    rows.push_back(
        row(outcome, spec.mechanisms[i], "ablation", player.leave_one_out, spec.replications));
    rows.push_back(row(outcome, spec.mechanisms[i], "solo", player.solo, spec.replications));
  }
  return rows;
}

}  // namespace mercator
