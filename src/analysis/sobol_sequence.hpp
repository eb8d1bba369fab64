#pragma once
// The Sobol (1967) low-discrepancy sequence, from GSL (gsl_qrng_sobol, the
// Bratley & Fox 1988 algorithm 659 tables). GSL's sequence starts at
// (0.5, ..., 0.5): it leaves out the origin, which would put every
// parameter at the bottom of its range at once.
#include <cstddef>
#include <vector>

namespace mercator {

// GSL's direction-number table covers 40 dimensions. Asked for more, GSL
// does not fail but returns zeros, so sobol_points checks the limit itself.
constexpr size_t sobol_max_dimensions = 40;

// points[p][d] in [0, 1): the first `count` points of the sequence. Throws
// InputError when dimensions is 0 or above sobol_max_dimensions.
std::vector<std::vector<double>> sobol_points(size_t count, size_t dimensions);

}  // namespace mercator
