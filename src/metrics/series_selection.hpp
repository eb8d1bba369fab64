#pragma once
// Which daily series a run records. `mercator run` records every series
// (metrics.csv, the report). Batch runs that keep each run's summary and at
// most a few daily series (experiment, attribute, sensitivity, calibrate)
// record those and the ones the run itself reads afterwards: the summary,
// the stage detection. Most of the others need a daily pass over every
// living seller, a sixth or more of such a run's time (bench/README.md).
#include <string>
#include <vector>

namespace mercator {

struct SeriesSelection {
  bool every_series = true;
  std::vector<std::string> wanted;  // when not every series: recorded besides what the run reads

  static SeriesSelection all() { return {}; }
  static SeriesSelection summary_and(std::vector<std::string> wanted) {
    return {false, std::move(wanted)};
  }
};

// The series to record, in series_names() order (metrics/collector.hpp):
// every series, or the wanted ones and those in read_by_run. Throws
// std::logic_error on a wanted name that is not a series.
std::vector<std::string> recorded_series(const SeriesSelection& selection,
                                         const std::vector<std::string>& read_by_run);

}  // namespace mercator
