#pragma once
// Making the runs of a mechanism attribution, or resuming them: each run is
// stored in the experiment database as soon as it finishes, so an
// interrupted attribution loses only the runs in flight, and a rerun makes
// only the runs that are missing.
//
// What decides a run is in the experiment's spec: the fully resolved
// scenario (overrides and base seed applied) and the listed mechanisms. The
// number of replicates and of sampled joining orders is not: replicate r
// and coalition S always make the same run, so a rerun asking for more
// replicates or orders (or exact values after sampled ones) keeps every
// run already made and adds the rest.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "experiment/attribution_plan.hpp"
#include "experiment/experiment_database.hpp"

namespace mercator {

// Kind "attribution"; the spec as JSON (mechanisms and resolved scenario).
ExperimentRecord attribution_record(const std::string& name, const AttributionSpec& spec,
                                    const std::string& resolved_scenario_json);

// Every (coalition, replicate) the design reads, replicate by replicate (so
// an interrupted attribution has whole replicates done first).
std::vector<RunKey> attribution_runs(const AttributionSpec& spec);

struct AttributionRunDone {
  RunKey run;           // (coalition, replicate)
  double seconds = 0;   // the run's own time
  size_t finished = 0;  // runs finished so far in this call
  size_t to_run = 0;    // runs this call makes
};
using AttributionRunDoneFn = std::function<void(const AttributionRunDone&)>;

// Makes the given runs, `parallel` at once (each on one thread), replicate
// by replicate with the coalitions of more mechanisms (the longer runs)
// first within each, and stores each as it finishes (point = coalition, replicate = r, seed = seed + r,
// run_parameters = the listed mechanisms' enabled flags). A run whose books
// do not balance at its end stops the attribution (std::logic_error) and is
// not stored.
void make_attribution_runs(ExperimentDatabase& database, int64_t experiment_id,
                           const AttributionSpec& spec, const std::vector<RunKey>& runs,
                           unsigned parallel, const AttributionRunDoneFn& on_done);

}  // namespace mercator
