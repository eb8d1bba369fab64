#pragma once
// Latin hypercube sampling (McKay, Beckman & Conover 1979): n points in
// [0, 1)^d such that, in every dimension, each of the n equal strata
// [s/n, (s+1)/n) holds exactly one point. Within its stratum a point lies
// uniformly at random, and the strata are paired across dimensions by
// independent random permutations.
#include <cstddef>
#include <vector>

#include "core/random_stream.hpp"

namespace mercator {

// points[p][d]: coordinate d of point p. The same stream name gives the same
// design, so an experiment's design is reproducible from its seed.
std::vector<std::vector<double>> latin_hypercube(size_t points, size_t dimensions,
                                                 RandomStream& stream);

}  // namespace mercator
