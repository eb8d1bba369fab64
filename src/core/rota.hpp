#pragma once
// A rota: agent `id` takes its turn on the days on which id + day is a
// multiple of the period, so a weekly or monthly task is spread evenly over
// the days. The daily seller passes ask every living seller whether it is
// its turn, so the remainder is computed with a multiplication by a
// precomputed reciprocal instead of a division (Lemire, Kaser & Kurz 2019,
// "Faster remainder by direct computation"): exact for every 32-bit value.
#include <cstdint>

namespace mercator {

class Rota {
 public:
  // period_days >= 1.
  Rota(uint32_t period_days, uint32_t day)
      : period_(period_days), day_(day), reciprocal_(UINT64_MAX / period_days + 1) {}

  // (id + day) % period == 0, in the unsigned 32-bit arithmetic of that
  // expression.
  bool due(uint32_t id) const { return remainder(id + day_) == 0; }

 private:
  uint32_t remainder(uint32_t value) const {
    const uint64_t fraction = reciprocal_ * value;
    return static_cast<uint32_t>((static_cast<unsigned __int128>(fraction) * period_) >> 64);
  }

  uint32_t period_;
  uint32_t day_;
  uint64_t reciprocal_;
};

}  // namespace mercator
