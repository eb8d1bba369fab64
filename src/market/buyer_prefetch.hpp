#pragma once
// Shopping and adoption pick buyers at random across a market, so each
// buyer's row is a cache miss. A pick's buyer is a below(size) draw, and
// where that draw's word already lies in the stream's buffer, the rows a
// coming pick will read are fetched while the current one is served.
#include <cstdint>

#include "agents/buyer_table.hpp"
#include "core/random_stream.hpp"

namespace mercator {

// What of a buyer's row a loop reads, besides its adoption states.
enum class BuyerColumns { PriceSensitivity, PotentialAndTies };

// Prefetches the row of the buyer that a below(size) drawn `ahead` words
// from the stream's position will pick (first + the draw).
inline void prefetch_upcoming_buyer(const BuyerTable& buyers, const RandomStream& random,
                                    unsigned ahead, BuyerId first, uint32_t size,
                                    BuyerColumns columns) {
  uint32_t offset;
  if (!random.peek_below(ahead, size, offset)) return;
  const BuyerId buyer = first + offset;
  __builtin_prefetch(&buyers.adoption[size_t(buyer) * buyers.platform_count]);
  if (columns == BuyerColumns::PriceSensitivity) {
    __builtin_prefetch(&buyers.price_sensitivity[buyer]);
    return;
  }
  __builtin_prefetch(&buyers.in_potential[buyer]);
  if (buyers.ties_per_buyer > 0) __builtin_prefetch(&buyers.ties[size_t(buyer) * buyers.ties_per_buyer]);
}

}  // namespace mercator
