#pragma once
// Money is counted in integer minor units (US cents), never in floating point.
#include <cmath>
#include <cstdint>

namespace mercator {

using Money = int64_t;  // US cents

inline Money to_money(double dollars) { return static_cast<Money>(std::llround(dollars * 100.0)); }
inline double to_dollars(Money cents) { return static_cast<double>(cents) / 100.0; }

// The share of an amount, rounded to the cent; the remainder stays with the payer
// side of whatever split is being made (callers compute remainders by subtraction).
inline Money share_of(Money amount, double share) {
  return static_cast<Money>(std::llround(static_cast<double>(amount) * share));
}

}  // namespace mercator
