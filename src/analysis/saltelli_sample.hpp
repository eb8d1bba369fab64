#pragma once
// The sample of Saltelli's scheme for Sobol indices (Saltelli 2002; Saltelli
// et al. 2010, section 3): two independent N x k matrices A and B, and for
// each parameter i the matrix AB_i, which is A with column i taken from B.
// Evaluating the model at the rows of A, B and every AB_i (N (k + 2) runs)
// gives first-order and total indices for all k parameters at once
// (analysis/sobol_indices.hpp).
//
// A is the first k and B the next k dimensions of one Sobol sequence
// (analysis/sobol_sequence.hpp), as Saltelli et al. (2010) recommend, so
// 2k <= 40: at most 20 parameters. The sequence's balance is best when N is
// a power of two.
#include <cstddef>
#include <vector>

namespace mercator {

struct SaltelliSample {
  std::vector<std::vector<double>> a;  // a[row][parameter], in [0, 1)
  std::vector<std::vector<double>> b;

  size_t base_samples() const { return a.size(); }
  size_t parameters() const { return a.empty() ? 0 : a.front().size(); }
  // Row `row` of AB_parameter: A's row with B's value in column `parameter`.
  std::vector<double> ab_row(size_t parameter, size_t row) const;
};

// The largest k a sample can have.
constexpr size_t saltelli_max_parameters = 20;

// Throws InputError when parameters is 0 or above saltelli_max_parameters,
// or base_samples is 0.
SaltelliSample saltelli_sample(size_t base_samples, size_t parameters);

}  // namespace mercator
