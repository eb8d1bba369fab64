// Rota::due must agree with (id + day) % period == 0 in unsigned 32-bit
// arithmetic for every period and value, including sums that wrap.
#include <gtest/gtest.h>

#include "core/random_stream.hpp"
#include "core/rota.hpp"

namespace mercator {
namespace {

TEST(Rota, AgreesWithTheRemainder) {
  RandomStream random(3, Purpose::Test, 0, 0);
  for (uint32_t period : {1u, 2u, 3u, 7u, 30u, 365u, 1000003u, 0x7FFFFFFFu, 0xFFFFFFFFu}) {
    for (int draw = 0; draw < 20000; ++draw) {
      const uint32_t day = draw % 2 ? random.next_u32() : random.below(4000);
      const uint32_t id = draw % 3 ? random.next_u32() : random.below(20000);
      ASSERT_EQ(Rota(period, day).due(id), (id + day) % period == 0)
          << "period " << period << ", day " << day << ", id " << id;
    }
    // The ids whose turn it is today, among the first few periods.
    for (uint32_t day : {0u, 5u, 364u}) {
      const Rota rota(period, day);
      for (uint32_t id = 0; id < 3000; ++id) ASSERT_EQ(rota.due(id), (id + day) % period == 0);
    }
  }
}

}  // namespace
}  // namespace mercator
