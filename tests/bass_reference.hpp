#pragma once
// The Bass (1969) reference paths that the adoption phase is validated
// against: the daily mean-field recursion, the closed form, and the sd of a
// finite population's path around the recursion.
#include <cmath>
#include <vector>

namespace mercator::bass_reference {

// The mean-field path of the daily adoption process: an unaware buyer adopts
// on a day with probability 1 - exp(-(p + q F)), F the active share at the
// start of the day. With `steps_per_day` > 1 the day is cut into that many
// steps of the same process (used to show the recursion converges to the
// continuous Bass curve). path[t] is the share after t days, path[0] = 0.
inline std::vector<double> bass_recursion(double p, double q, int days, int steps_per_day = 1) {
  const double dt = 1.0 / steps_per_day;
  std::vector<double> path{0.0};
  double share = 0.0;
  for (int day = 0; day < days; ++day) {
    for (int step = 0; step < steps_per_day; ++step) {
      share += (1.0 - share) * (1.0 - std::exp(-(p + q * share) * dt));
    }
    path.push_back(share);
  }
  return path;
}

// Bass (1969): F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
inline double bass_closed_form(double p, double q, double t) {
  const double decay = std::exp(-(p + q) * t);
  return (1.0 - decay) / (1.0 + (q / p) * decay);
}

// Standard deviation of the simulated share around the recursion, by the
// linear-noise approximation of the Markov chain: each day's adoptions are
// binomial, Var = N (1-F) pi (1-pi) with pi = 1 - exp(-h), and an earlier
// deviation d carries on as a d, a = dF_{t+1}/dF_t = 1 - pi + (1-F) q e^{-h}.
// So V_{t+1} = a^2 V_t + (1-F) pi (1-pi) / N. This is the binomial sd of the
// day plus the accumulated path noise (early luck shifts the whole S-curve),
// which near the inflection is about twice sqrt(F(1-F)/N).
inline std::vector<double> bass_path_sd(double p, double q, double buyers, int days) {
  std::vector<double> sd{0.0};
  double share = 0.0, variance = 0.0;
  for (int day = 0; day < days; ++day) {
    const double hazard = p + q * share;
    const double adopt = 1.0 - std::exp(-hazard);
    const double carry = 1.0 - adopt + (1.0 - share) * q * std::exp(-hazard);
    variance = carry * carry * variance + (1.0 - share) * adopt * (1.0 - adopt) / buyers;
    share += (1.0 - share) * adopt;
    sd.push_back(std::sqrt(variance));
  }
  return sd;
}

}  // namespace mercator::bass_reference
