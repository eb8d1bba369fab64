#include "metrics/run_results.hpp"

namespace mercator {

int MetricsTable::series_index(std::string_view name) const {
  for (size_t i = 0; i < series_names.size(); ++i) {
    if (series_names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace mercator
