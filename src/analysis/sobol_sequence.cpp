#include "analysis/sobol_sequence.hpp"

#include <fmt/format.h>
#include <gsl/gsl_qrng.h>

#include <memory>

#include "core/input_error.hpp"

namespace mercator {

std::vector<std::vector<double>> sobol_points(size_t count, size_t dimensions) {
  if (dimensions == 0 || dimensions > sobol_max_dimensions) {
    throw InputError(fmt::format(
        "a Sobol sequence of {} dimensions was asked for; expected 1 to {} (the limit of GSL's "
        "gsl_qrng_sobol)",
        dimensions, sobol_max_dimensions));
  }
  const std::unique_ptr<gsl_qrng, decltype(&gsl_qrng_free)> generator(
      gsl_qrng_alloc(gsl_qrng_sobol, static_cast<unsigned>(dimensions)), &gsl_qrng_free);
  if (!generator) throw std::bad_alloc();
  std::vector<std::vector<double>> points(count, std::vector<double>(dimensions));
  for (std::vector<double>& point : points) gsl_qrng_get(generator.get(), point.data());
  return points;
}

}  // namespace mercator
