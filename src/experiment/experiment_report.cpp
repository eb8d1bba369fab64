#include "experiment/experiment_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>

namespace mercator {

void run_reporting(ExperimentRunner& runner, const Experiment& experiment, unsigned parallel,
                   const FirstResultCheck& check_first, const ReportStreams& streams) {
  const ExperimentSpec& spec = experiment.spec;
  streams.out << fmt::format(
      "experiment '{}' ({} design, scenario {}): {} runs = {} points x {} "
      "{}\n",
      spec.name, design_kind_name(spec.design), spec.scenario, runner.total_runs(),
      experiment.design.points.size(), spec.replications,
      spec.replications == 1 ? "replicate" : "replicates");
  const size_t pending = runner.pending_runs();
  const unsigned threads = static_cast<unsigned>(std::min<size_t>(parallel, pending));
  streams.out << fmt::format("skipped {} runs already in the database; ", runner.skipped_runs())
              << (pending == 0 ? std::string("nothing to run")
                               : fmt::format("running {} on {} threads", pending, threads))
              << "\n";
  streams.out.flush();
  if (pending == 0) return;

  const auto start = std::chrono::steady_clock::now();
  std::optional<BatchProgress> progress;
  if (!streams.quiet) progress.emplace(streams.progress, streams.progress_is_terminal, pending);
  runner.run(parallel, check_first, progress ? &*progress : nullptr);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  streams.out << fmt::format("ran {} runs in {:.1f} s\n", pending, seconds);
}

}  // namespace mercator
