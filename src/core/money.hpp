#pragma once
// Money is counted in integer minor units (US cents), never in floating point.
#include <cmath>
#include <cstdint>

namespace mercator {

using Money = int64_t;  // US cents

// std::llround (halves away from zero), inline: it is called for every
// payment, and the library call costs more than the rounding. The same
// result as llround for every |x| < 2^63, since x minus its integer part is
// exact; like llround, undefined for NaN and beyond.
inline int64_t round_half_away(double x) {
  const auto whole = static_cast<int64_t>(x);  // truncates toward zero
  const double rest = x - static_cast<double>(whole);
  return whole + int64_t(rest >= 0.5) - int64_t(rest <= -0.5);
}

inline Money to_money(double dollars) { return round_half_away(dollars * 100.0); }
inline double to_dollars(Money cents) { return static_cast<double>(cents) / 100.0; }

// The share of an amount, rounded to the cent; the remainder stays with the payer
// side of whatever split is being made (callers compute remainders by subtraction).
inline Money share_of(Money amount, double share) {
  return round_half_away(static_cast<double>(amount) * share);
}

}  // namespace mercator
