#pragma once
// Buyer choice: a multinomial logit (McFadden 1974) over the consideration
// set plus an outside option. V_j = -alpha * landed_price + beta * rating
// - gamma * delivery_days - delta * cultural_distance * (1 - localization)
// - mismatch.
#include <cmath>
#include <span>

namespace mercator {

struct Offer {
  double landed_price = 0;    // US$: price + shipping + duty
  double rating = 0;          // displayed score, 0..1
  double delivery_days = 0;   // expected
  double cultural_gap = 0;    // cultural distance x (1 - localization), 0..1
  bool matches_need = true;
};

struct ChoiceWeights {
  double price = 0;     // alpha, for this buyer
  double rating = 0;    // beta
  double speed = 0;     // gamma
  double culture = 0;   // delta
  double mismatch = 0;
};

inline double offer_utility(const Offer& offer, const ChoiceWeights& weights) {
  return -weights.price * offer.landed_price + weights.rating * offer.rating -
         weights.speed * offer.delivery_days - weights.culture * offer.cultural_gap -
         (offer.matches_need ? 0.0 : weights.mismatch);
}

// Picks index j with probability exp(V_j) / (exp(V_0) + sum_k exp(V_k)), or
// -1 for the outside option, by inverting the cumulative distribution at
// uniform01. Subtracts the maximum utility first so exp never overflows.
// Utilities are finite, so the maximum is a comparison (std::fmax, which
// also handles NaN, was a library call per offer).
inline int choose_offer(std::span<const double> utilities, double outside_utility, double uniform01) {
  double top = outside_utility;
  for (double utility : utilities) top = utility > top ? utility : top;
  double total = std::exp(outside_utility - top);
  double weights[64];
  const size_t count = utilities.size() < 64 ? utilities.size() : 64;
  for (size_t j = 0; j < count; ++j) {
    weights[j] = std::exp(utilities[j] - top);
    total += weights[j];
  }
  double threshold = uniform01 * total;
  for (size_t j = 0; j < count; ++j) {
    threshold -= weights[j];
    if (threshold < 0) return static_cast<int>(j);
  }
  return -1;
}

}  // namespace mercator
