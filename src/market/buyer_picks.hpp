#pragma once
// Shopping and adoption visit buyers picked at random across a market, so
// every visit's row is a cache miss (stalling on them was about half of
// shopping's time). The picks of a batch are drawn first, all at once, so
// the loop can fetch the rows of the visits a few places ahead while it
// serves the current one: the misses overlap instead of queueing.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "agents/buyer_table.hpp"
#include "core/prefetch.hpp"
#include "core/random_stream.hpp"

namespace mercator {

// What of a buyer's row a loop reads, besides its adoption states: its
// price sensitivity (shopping), its ties and their states (adoption).
enum class BuyerColumns { StatesOnly, PriceSensitivity, Ties };

class BuyerPicks {
 public:
  BuyerPicks(const BuyerTable& buyers, BuyerColumns columns) : buyers_(buyers), columns_(columns) {}

  // `count` buyers drawn uniformly, with replacement, from `pool` (one word
  // of `random` each, as below32 draws them).
  void draw(RandomStream& random, std::span<const BuyerId> pool, size_t count) {
    ids_.resize(count);
    if (count == 0) return;
    random.fill_below32(static_cast<uint32_t>(pool.size()), ids_.data(), count);
    for (BuyerId& id : ids_) id = pool[id];
    prefetch_first_rows();
  }
  // The same over the contiguous ids first .. first + size - 1.
  void draw(RandomStream& random, BuyerId first, uint32_t size, size_t count) {
    ids_.resize(count);
    if (count == 0) return;
    random.fill_below32(size, ids_.data(), count);
    for (BuyerId& id : ids_) id += first;
    prefetch_first_rows();
  }

  size_t size() const { return ids_.size(); }
  BuyerId operator[](size_t k) const { return ids_[k]; }

  // Call once per visit k, before serving it: fetches the rows of visit
  // k + kRowsAhead and, for loops that read ties, the adoption states of
  // the ties of visit k + kTiesAhead (whose tie list was fetched earlier).
  void fetch_ahead(size_t k) const {
    if (k + kRowsAhead < ids_.size()) prefetch_row(ids_[k + kRowsAhead]);
    if (columns_ == BuyerColumns::Ties && k + kTiesAhead < ids_.size()) {
      prefetch_tie_states(ids_[k + kTiesAhead]);
    }
  }

 private:
  // Far enough ahead to cover a memory access on the visits of these
  // loops (tens to hundreds of nanoseconds each), near enough to stay in L1.
  static constexpr size_t kRowsAhead = 8;
  static constexpr size_t kTiesAhead = 4;

  void prefetch_first_rows() const {
    for (size_t k = 0; k < kRowsAhead && k < ids_.size(); ++k) prefetch_row(ids_[k]);
  }
  void prefetch_row(BuyerId buyer) const {
    prefetch_line(&buyers_.adoption[size_t(buyer) * buyers_.platform_count]);
    if (columns_ == BuyerColumns::PriceSensitivity) prefetch_line(&buyers_.price_sensitivity[buyer]);
    if (columns_ == BuyerColumns::Ties && buyers_.ties_per_buyer > 0) {
      prefetch_line(&buyers_.ties[size_t(buyer) * buyers_.ties_per_buyer]);
    }
  }
  void prefetch_tie_states(BuyerId buyer) const {
    const BuyerId* ties = &buyers_.ties[size_t(buyer) * buyers_.ties_per_buyer];
    for (int k = 0; k < buyers_.ties_per_buyer; ++k) {
      prefetch_line(&buyers_.adoption[size_t(ties[k]) * buyers_.platform_count]);
    }
  }

  const BuyerTable& buyers_;
  const BuyerColumns columns_;
  std::vector<BuyerId> ids_;
};

}  // namespace mercator
