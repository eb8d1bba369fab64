#pragma once
// Sobol sensitivity indices from model outputs at a Saltelli sample
// (analysis/saltelli_sample.hpp), model-free: give the outputs f(A_j),
// f(B_j) and f(AB_i,j) for the N base rows j, get for each parameter i
//
//   first order S_i  = (1/N) sum_j f(B)_j (f(AB_i)_j - f(A)_j) / V
//                      (Saltelli et al. 2010, table 2, estimator b)
//   total       ST_i = (1/2N) sum_j (f(A)_j - f(AB_i)_j)^2 / V
//                      (Jansen 1999; Saltelli et al. 2010, table 2, estimator f)
//
// with V the variance of the 2N outputs of A and B together. In S_i, f(B)
// is taken centred on the mean of those 2N outputs: f(AB_i) - f(A) has mean
// zero, so centring leaves the estimate's expectation as it is and removes
// the variance that a large mean (a GMV of billions, say) would add to it.
// S_i is the share
// of the output variance due to parameter i alone; ST_i the share due to i
// with all its interactions (ST_i = 0: i does not matter).
//
// Confidence: a bootstrap over the N base rows (each resample draws N rows
// with replacement and keeps every matrix's row j together); the half-width
// is z_0.975 times the bootstrap standard deviation (the normal
// interval, as SALib reports). The resampling treats the rows as independent
// draws, which the rows of a Sobol sequence are not; tests/sobol_indices_test
// checks on the Ishigami function that the interval covers the analytic
// indices.
#include <cstddef>
#include <span>
#include <vector>

#include "core/random_stream.hpp"

namespace mercator {

struct SaltelliOutputs {
  std::vector<double> a;                // a[j] = f(A_j), j < N
  std::vector<double> b;                // b[j] = f(B_j)
  std::vector<std::vector<double>> ab;  // ab[i][j] = f(AB_i,j), one vector per parameter
};

struct SobolEstimate {
  std::vector<double> first_order;  // per parameter
  std::vector<double> total;
};

struct SobolIndex {
  double first_order = 0;
  double first_order_ci = 0;  // half-width of the 95% bootstrap interval
  double total = 0;
  double total_ci = 0;
};

// The estimates over the base rows listed (a row may repeat). NaN when the
// outputs do not vary. Throws std::invalid_argument when the vectors'
// lengths do not match.
SobolEstimate sobol_estimate(const SaltelliOutputs& outputs, std::span<const size_t> rows);

// Estimates over all N rows with bootstrap half-widths from `resamples`
// resamples drawn from `resampling` (NaN half-widths with N < 2 or no
// resamples).
std::vector<SobolIndex> sobol_indices(const SaltelliOutputs& outputs, size_t resamples,
                                      RandomStream& resampling);

}  // namespace mercator
