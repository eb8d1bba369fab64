#include "analysis/latin_hypercube.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mercator {
namespace {

// Fisher-Yates: a uniformly random order of 0..n-1.
std::vector<size_t> random_permutation(size_t n, RandomStream& stream) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  for (size_t i = n; i > 1; --i) {
    const size_t j = stream.below(static_cast<uint32_t>(i));
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

}  // namespace

std::vector<std::vector<double>> latin_hypercube(size_t points, size_t dimensions,
                                                 RandomStream& stream) {
  std::vector<std::vector<double>> design(points, std::vector<double>(dimensions));
  const double count = static_cast<double>(points);
  // (stratum + u) / n can round up to the next stratum's edge for u near 1;
  // keeping the point below that edge keeps one point per stratum exact.
  for (size_t d = 0; d < dimensions; ++d) {
    const std::vector<size_t> strata = random_permutation(points, stream);
    for (size_t p = 0; p < points; ++p) {
      const double stratum = static_cast<double>(strata[p]);
      const double value = (stratum + stream.uniform()) / count;
      const double stratum_end = (stratum + 1.0) / count;
      design[p][d] = value < stratum_end ? value : std::nextafter(stratum_end, 0.0);
    }
  }
  return design;
}

}  // namespace mercator
