#pragma once
// A rota: agent `id` takes its turn on the days on which id + day is a
// multiple of the period, so a weekly or monthly task is spread evenly over
// the days. The daily seller passes ask every living seller whether it is
// its turn, so divisibility is tested with a multiplication by a
// precomputed reciprocal instead of a division (Lemire, Kaser & Kurz 2019,
// "Faster remainder by direct computation": n % d == 0 exactly when
// n * c <= c - 1 modulo 2^64, c = ceil(2^64 / d), for every 32-bit n and d).
#include <cstdint>

namespace mercator {

class Rota {
 public:
  // period_days >= 1.
  Rota(uint32_t period_days, uint32_t day)
      : day_(day), reciprocal_(UINT64_MAX / period_days + 1) {}

  // (id + day) % period == 0, in the unsigned 32-bit arithmetic of that
  // expression.
  // (For period 1 the reciprocal wraps to 0 and every id is due, as it should be.)
  bool due(uint32_t id) const {
    return static_cast<uint64_t>(id + day_) * reciprocal_ <= reciprocal_ - 1;
  }

 private:
  uint32_t day_;
  uint64_t reciprocal_;  // c = ceil(2^64 / period)
};

}  // namespace mercator
