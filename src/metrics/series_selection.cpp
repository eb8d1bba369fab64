#include "metrics/series_selection.hpp"

#include <algorithm>
#include <stdexcept>

#include "metrics/collector.hpp"

namespace mercator {

std::vector<std::string> recorded_series(const SeriesSelection& selection,
                                         const std::vector<std::string>& read_by_run) {
  const std::vector<std::string>& catalogue = series_names();
  if (selection.every_series) return catalogue;
  const auto listed = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  // Callers check user input against series_names() first (experiment
  // files, calibration targets), so an unknown name here is a bug.
  for (const std::string& name : selection.wanted) {
    if (!listed(catalogue, name)) throw std::logic_error("metrics: no series " + name);
  }
  std::vector<std::string> recorded;
  for (const std::string& name : catalogue) {
    if (listed(selection.wanted, name) || listed(read_by_run, name)) recorded.push_back(name);
  }
  return recorded;
}

}  // namespace mercator
