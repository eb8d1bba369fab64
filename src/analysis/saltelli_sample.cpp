#include "analysis/saltelli_sample.hpp"

#include <fmt/format.h>

#include "analysis/sobol_sequence.hpp"
#include "core/input_error.hpp"

namespace mercator {

static_assert(2 * saltelli_max_parameters == sobol_max_dimensions);

std::vector<double> SaltelliSample::ab_row(size_t parameter, size_t row) const {
  std::vector<double> mixed = a[row];
  mixed[parameter] = b[row][parameter];
  return mixed;
}

SaltelliSample saltelli_sample(size_t base_samples, size_t parameters) {
  if (parameters == 0 || parameters > saltelli_max_parameters) {
    throw InputError(fmt::format(
        "a Saltelli sample of {} parameters was asked for; expected 1 to {} (A and B take 2k "
        "dimensions of a Sobol sequence, and GSL's has {})",
        parameters, saltelli_max_parameters, sobol_max_dimensions));
  }
  if (base_samples == 0) throw InputError("a Saltelli sample needs at least 1 base sample");
  const std::vector<std::vector<double>> points = sobol_points(base_samples, 2 * parameters);
  SaltelliSample sample;
  sample.a.reserve(base_samples);
  sample.b.reserve(base_samples);
  for (const std::vector<double>& point : points) {
    const auto middle = point.begin() + static_cast<std::ptrdiff_t>(parameters);
    sample.a.emplace_back(point.begin(), middle);
    sample.b.emplace_back(middle, point.end());
  }
  return sample;
}

}  // namespace mercator
